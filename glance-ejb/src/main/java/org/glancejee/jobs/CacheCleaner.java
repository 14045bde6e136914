package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.cache.CachedImage;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Glance's cache cleaner: removes failed and stalled fills and files the index does not know. It also evicts
 * images deleted since they were cached, which Glance leaves in the caches of the servers that did not
 * handle the delete.
 */
@ApplicationScoped
public class CacheCleaner extends CacheJob {

    @Inject
    CleanupTransactions transactions;

    @Override
    public String name() {
        return "cache_cleaner";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration leaseAtMost() {
        return Duration.ofMinutes(30);
    }

    @Override
    public JobOutcome run() {
        long removed = cache.clean();
        List<String> cached = cache.cached().stream().map(CachedImage::imageId).toList();
        Set<String> serving = transactions.withData(cached);
        for (String id : cached) {
            if (!serving.contains(id)) {
                cache.remove(id);
                removed++;
            }
        }
        return new JobOutcome(removed, 0, 0);
    }
}
