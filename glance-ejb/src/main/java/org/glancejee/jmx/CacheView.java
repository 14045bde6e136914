package org.glancejee.jmx;

import org.glancejee.cache.CachedImage;
import org.glancejee.cache.ImageCache;

/** The image cache's JMX face. */
public class CacheView implements CacheMXBean {
    private final ImageCache cache;

    public CacheView(ImageCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean isEnabled() {
        return cache.enabled();
    }

    @Override
    public int getEntries() {
        return cache.enabled() ? cache.cached().size() : 0;
    }

    @Override
    public long getSizeBytes() {
        return cache.enabled() ? cache.cached().stream().mapToLong(CachedImage::size).sum() : 0;
    }

    @Override
    public long getMaxSizeBytes() {
        return cache.maxSize();
    }

    @Override
    public int getQueued() {
        return cache.enabled() ? cache.queued().size() : 0;
    }

    @Override
    public long getHits() {
        return cache.hits();
    }

    @Override
    public long getMisses() {
        return cache.misses();
    }
}
