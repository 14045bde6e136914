package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the service logs (oslo.log's options): without {@code log_dir} everything goes to the application
 * server's log; with it, one file per subsystem. {@code debug} and {@code default_log_levels} set levels.
 */
@ApplicationScoped
public class LogSettings {

    @Inject
    @ConfigProperty(name = "glance.log_dir")
    Optional<String> logDir;

    @Inject
    @ConfigProperty(name = "glance.debug", defaultValue = "false")
    boolean debug;

    @Inject
    @ConfigProperty(name = "glance.default_log_levels")
    Optional<String> defaultLogLevels;

    public Optional<Path> directory() {
        return logDir.filter(d -> !d.isBlank()).map(d -> Path.of(d).toAbsolutePath().normalize());
    }

    public boolean debug() {
        return debug;
    }

    /**
     * {@code name=LEVEL} pairs, a name being a subsystem (api, scrubber, cache, replicator, import, access)
     * or a logger, a level oslo's (DEBUG, INFO, WARNING, ERROR) or java.util.logging's.
     */
    public Map<String, String> levels() {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String pair : ConfigLists.split(defaultLogLevels)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                levels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return levels;
    }
}
