package org.glancejee.jmx;

import org.glancejee.jobs.Scrubber;

/** The scrubber's JMX operations. */
public class ScrubberView implements ScrubberMXBean {
    private final Scrubber scrubber;

    public ScrubberView(Scrubber scrubber) {
        this.scrubber = scrubber;
    }

    @Override
    public void restore(String imageId) {
        scrubber.restore(imageId);
    }
}
