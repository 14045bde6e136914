package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.glancejee.cache.ImageCache;

import java.time.Duration;

/** Evicts least recently used images until the cache is within image_cache_max_size (Glance's cache pruner). */
@ApplicationScoped
public class CachePruner extends CacheJob {

    @Override
    public String name() {
        return "cache_pruner";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(30);
    }

    @Override
    public Duration leaseAtMost() {
        return Duration.ofMinutes(20);
    }

    @Override
    public JobOutcome run() {
        ImageCache.Pruned pruned = cache.prune();
        return new JobOutcome(pruned.files(), 0, 0);
    }
}
