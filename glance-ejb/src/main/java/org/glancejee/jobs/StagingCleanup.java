package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.StorageSettings;
import org.glancejee.store.StagingArea;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes this server's staged data that no image is staging or importing any more and that has not been
 * written for an hour (left by a failure whose own clean-up failed). Staging is per server, so is its lease.
 */
@ApplicationScoped
public class StagingCleanup implements BackgroundJob {
    private static final Logger LOG = Logger.getLogger("org.glancejee.jobs.staging_cleanup");
    private static final Duration MIN_AGE = Duration.ofHours(1);

    @Inject
    StagingArea staging;

    @Inject
    CleanupTransactions transactions;

    @Inject
    StorageSettings storage;

    @Override
    public String name() {
        return "staging_cleanup";
    }

    @Override
    public String leaseName() {
        return BackgroundJob.perServer(name(), storage.nodeName());
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
        Set<String> inUse = transactions.imagesUsingStaging();
        Instant cutoff = Instant.now().minus(MIN_AGE);
        long removed = 0;
        long failed = 0;
        try {
            for (String id : staging.imageIds()) {
                try {
                    if (!inUse.contains(id) && staging.modified(id).isBefore(cutoff)) {
                        staging.delete(id);
                        removed++;
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not remove staged data of image " + id, e);
                    failed++;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot list the staging directory", e);
        }
        return new JobOutcome(removed, failed, 0);
    }
}
