package org.glancejee.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.glancejee.persistence.AfterCommit;
import org.glancejee.cache.ImageCache;
import org.glancejee.domain.ImageLocation;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StagingArea;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes stored data only after the transaction that stopped referring to it has committed: a rolled
 * back delete keeps its data, and a committed one never points at missing bytes.
 */
@ApplicationScoped
public class DataRemoval {
    private static final Logger LOG = Logger.getLogger(DataRemoval.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ImageStores stores;

    @Inject
    StagingArea staging;

    @Inject
    ImageCache cache;

    public void afterCommit(List<ImageLocation> locations) {
        if (!locations.isEmpty()) {
            onCommit(() -> locations.forEach(this::remove));
        }
    }

    /** Removes an image's staged data (stage or import under way) once its deletion has committed. */
    public void stagedAfterCommit(String imageId) {
        onCommit(() -> {
            try {
                staging.delete(imageId);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not delete staged data of image " + imageId, e);
            }
        });
    }

    /** Takes a deleted image out of this server's image cache, once its deletion has committed. */
    public void cachedAfterCommit(String imageId) {
        onCommit(cache.evict(imageId));
    }

    private void onCommit(Runnable removal) {
        AfterCommit.run(transactions, removal);
    }

    private void remove(ImageLocation location) {
        stores.byId(location.store()).ifPresentOrElse(store -> {
            try {
                store.delete(location.url());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not delete data of image " + location.imageId(), e);
            }
        }, () -> LOG.warning("No store " + location.store() + " for data of image " + location.imageId()));
    }
}
