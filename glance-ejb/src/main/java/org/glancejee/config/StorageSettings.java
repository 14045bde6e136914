package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/** Where the server keeps its files: the data directory holds the embedded database and the file store. */
@ApplicationScoped
public class StorageSettings {

    @Inject
    @ConfigProperty(name = "glance.data_dir")
    String dataDir;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }
}
