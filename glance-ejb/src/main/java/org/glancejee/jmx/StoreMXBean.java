package org.glancejee.jmx;

/** One configured store, as {@code org.glancejee:type=Store,name=<id>}. */
public interface StoreMXBean {
    String getId();

    String getType();

    boolean isDefault();

    /** Whether the store answered its last probe (every 30 s). */
    boolean isAvailable();

    /** When it was last probed (ISO-8601), or empty before the first probe. */
    String getLastProbe();

    /** Why the last probe failed, or empty. */
    String getLastError();

    /** Bytes written into the store since start (uploads, imports, copies). */
    long getBytesIn();

    /** Bytes read from the store since start (downloads, cache fills, copies). */
    long getBytesOut();

    long getWrites();

    long getReads();

    long getDeletes();

    /** Store calls that failed on the store's side since start (not data that was not there). */
    long getErrors();

    /** Size of the file system under a file store, in bytes; -1 for object stores, which do not say. */
    long getCapacityBytes();

    /** Bytes still free for a file store; -1 for object stores. */
    long getFreeBytes();

    /** Probes the store now; returns whether it answered. */
    boolean probe();
}
