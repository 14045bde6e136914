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

    /** Probes the store now; returns whether it answered. */
    boolean probe();
}
