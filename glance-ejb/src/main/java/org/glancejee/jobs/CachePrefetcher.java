package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.service.CacheService;

import java.time.Duration;
import java.util.List;

/**
 * Works through the cache queue: what {@code PUT /v2/cache/{id}} queued and could not fetch at once (a store
 * was down, the server restarted). Glance's cache prefetcher.
 */
@ApplicationScoped
public class CachePrefetcher extends CacheJob {

    @Inject
    CacheService caching;

    @Override
    public String name() {
        return "cache_prefetcher";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Duration leaseAtMost() {
        return Duration.ofHours(1);
    }

    @Override
    public JobOutcome run() {
        List<String> queued = cache.queued();
        long done = queued.stream().filter(caching::prefetch).count();
        List<String> left = cache.queued();
        long failed = queued.stream().filter(left::contains).count();
        return new JobOutcome(done, failed, left.size());
    }
}
