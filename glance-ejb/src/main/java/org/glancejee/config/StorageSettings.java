package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/** Where and how image data is kept: the data directory, the file store, size cap and hashing. */
@ApplicationScoped
public class StorageSettings {

    @Inject
    @ConfigProperty(name = "glance.data_dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "glance.filesystem_store_datadir")
    Optional<String> filesystemStoreDatadir;

    @Inject
    @ConfigProperty(name = "glance.image_size_cap")
    long imageSizeCap;

    @Inject
    @ConfigProperty(name = "glance.hashing_algorithm")
    String hashingAlgorithm;

    @Inject
    @ConfigProperty(name = "glance.node_name")
    Optional<String> nodeName;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The file store's directory; default {@code <data_dir>/images}. */
    public Path filesystemStoreDatadir() {
        return filesystemStoreDatadir.map(Path::of).orElse(dataDir().resolve("images")).toAbsolutePath().normalize();
    }

    /** Largest image accepted, in bytes (Glance's image_size_cap, 1 TiB by default). */
    public long imageSizeCap() {
        return imageSizeCap;
    }

    /** Glance's algorithm name for os_hash_algo, e.g. sha512. */
    public String hashingAlgorithm() {
        return hashingAlgorithm;
    }

    /** This server's name among those sharing the database; default the host name. */
    public String nodeName() {
        return nodeName.orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }
}
