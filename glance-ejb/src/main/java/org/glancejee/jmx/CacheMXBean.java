package org.glancejee.jmx;

/** This server's image cache, as {@code org.glancejee:type=Cache}. */
public interface CacheMXBean {
    boolean isEnabled();

    /** Images cached here. */
    int getEntries();

    /** Bytes the cached images take. */
    long getSizeBytes();

    /** The most bytes the pruner leaves ({@code image_cache_max_size}). */
    long getMaxSizeBytes();

    /** Images queued for the prefetcher. */
    int getQueued();

    /** Downloads served from the cache since start. */
    long getHits();

    /** Downloads of images that were not cached since start. */
    long getMisses();
}
