package org.glancejee.jmx;

/** Operations on the scrubber, as {@code org.glancejee:type=Scrubber}. */
public interface ScrubberMXBean {
    /** Restores a pending_delete image to active (Glance's glance-scrubber --restore). */
    void restore(String imageId);
}
