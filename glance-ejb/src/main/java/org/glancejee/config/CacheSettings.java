package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Glance's image cache options: the cache is on when {@code image_cache_dir} is set. */
@ApplicationScoped
public class CacheSettings {

    @Inject
    @ConfigProperty(name = "glance.image_cache_dir")
    Optional<String> imageCacheDir;

    @Inject
    @ConfigProperty(name = "glance.image_cache_max_size", defaultValue = "10737418240")
    long imageCacheMaxSize;

    @Inject
    @ConfigProperty(name = "glance.image_cache_stall_time", defaultValue = "86400")
    long imageCacheStallTime;

    public boolean enabled() {
        return imageCacheDir.filter(d -> !d.isBlank()).isPresent();
    }

    /** The cache's base directory; only when {@link #enabled()}. */
    public Path directory() {
        return Path.of(imageCacheDir.orElseThrow()).toAbsolutePath().normalize();
    }

    /** The size the pruner brings the cache down to, in bytes (not a hard limit, as in Glance). */
    public long maxSize() {
        return Math.max(0, imageCacheMaxSize);
    }

    /** How long an incomplete cache file may go unwritten before the cleaner removes it. */
    public Duration stallTime() {
        return Duration.ofSeconds(Math.max(0, imageCacheStallTime));
    }
}
