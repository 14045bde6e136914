package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.ScrubberSettings;
import org.glancejee.domain.ImageLocation;
import org.glancejee.store.ImageStores;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoredDataNotFoundException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Glance's scrubber: removes the data of images deleted with delayed_delete once scrub_time has passed, in
 * every store, then marks them deleted. A location that cannot be removed keeps its image pending_delete;
 * the next run tries again.
 */
@ApplicationScoped
public class Scrubber implements BackgroundJob {
    private static final Logger LOG = Logger.getLogger("org.glancejee.jobs.scrubber");
    private static final int BATCH = 100;

    @Inject
    ScrubberSettings settings;

    @Inject
    ScrubTransactions transactions;

    @Inject
    ImageStores stores;

    @Override
    public String name() {
        return "scrubber";
    }

    @Override
    public Duration interval() {
        return settings.wakeupTime();
    }

    @Override
    public Duration leaseAtMost() {
        return Duration.ofHours(1);
    }

    @Override
    public JobOutcome run() {
        Instant cutoff = Instant.now().minus(settings.scrubTime());
        List<String> due = transactions.due(cutoff, BATCH);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.scrubPoolSize(), Math.max(1, due.size())));
        try {
            List<Future<Boolean>> work = due.stream().map(id -> pool.submit(() -> scrub(id))).toList();
            for (Future<Boolean> f : work) {
                try {
                    (f.get() ? done : failed).incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        } finally {
            pool.shutdown();
        }
        return new JobOutcome(done.get(), failed.get(), transactions.dueCount(cutoff));
    }

    /** Removes one image's data in every store; true when all of it is gone. */
    private boolean scrub(String imageId) {
        boolean all = true;
        for (ImageLocation location : transactions.claim(imageId)) {
            Optional<ImageStore> store = stores.byId(location.store());
            try {
                if (store.isEmpty()) {
                    throw new IOException("store '" + location.store() + "' is not available");
                }
                store.get().delete(location.url());
            } catch (StoredDataNotFoundException gone) {
                // Already gone: nothing left to remove.
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove data of image " + imageId + " from store '"
                        + location.store() + "'; it stays pending_delete and is tried again", e);
                all = false;
            }
        }
        if (all && transactions.imageScrubbed(imageId)) {
            LOG.info("Image " + imageId + " scrubbed");
        }
        return all;
    }

    /** Brings back an image deleted by mistake, if the scrubber has not removed its data yet. */
    public void restore(String imageId) {
        transactions.restore(imageId);
        LOG.info("Image " + imageId + " restored from pending_delete");
    }
}
