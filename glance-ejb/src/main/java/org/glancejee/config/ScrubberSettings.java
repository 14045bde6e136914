package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Glance's delayed delete and scrubber options. */
@ApplicationScoped
public class ScrubberSettings {

    @Inject
    @ConfigProperty(name = "glance.delayed_delete", defaultValue = "false")
    boolean delayedDelete;

    @Inject
    @ConfigProperty(name = "glance.scrub_time", defaultValue = "0")
    long scrubTimeSeconds;

    @Inject
    @ConfigProperty(name = "glance.scrub_pool_size", defaultValue = "1")
    int scrubPoolSize;

    @Inject
    @ConfigProperty(name = "glance.wakeup_time", defaultValue = "300")
    long wakeupTimeSeconds;

    /** Deleting an image keeps its data for the scrubber (pending_delete) instead of removing it at once. */
    public boolean delayedDelete() { return delayedDelete; }
    /** How long a pending_delete image waits before the scrubber removes its data. */
    public Duration scrubTime() { return Duration.ofSeconds(scrubTimeSeconds); }
    /** How many images the scrubber works on at once. */
    public int scrubPoolSize() { return Math.max(1, scrubPoolSize); }
    /** How often the scrubber wakes up. */
    public Duration wakeupTime() { return Duration.ofSeconds(Math.max(1, wakeupTimeSeconds)); }
}
