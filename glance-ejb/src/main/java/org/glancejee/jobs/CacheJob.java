package org.glancejee.jobs;

import jakarta.inject.Inject;
import org.glancejee.cache.ImageCache;
import org.glancejee.config.StorageSettings;

/** A job over this server's image cache: it runs only when the cache is on, under a lease of its own server. */
abstract class CacheJob implements BackgroundJob {

    @Inject
    ImageCache cache;

    @Inject
    StorageSettings storage;

    @Override
    public boolean enabled() {
        return cache.enabled();
    }

    @Override
    public String leaseName() {
        return BackgroundJob.perServer(name(), storage.nodeName());
    }
}
