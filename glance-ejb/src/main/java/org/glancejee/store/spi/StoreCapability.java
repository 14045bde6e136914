package org.glancejee.store.spi;

/** What a store can do, so the core can refuse early instead of failing half way. */
public enum StoreCapability {
    /** Accepts new data. */
    WRITE,
    /** Serves data. */
    READ,
    /** Serves a byte range without reading what comes before it. */
    RANDOM_ACCESS
}
