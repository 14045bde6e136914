package org.glancejee.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.glancejee.domain.ImageLocation;
import org.glancejee.store.ImageStores;

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

    public void afterCommit(List<ImageLocation> locations) {
        if (locations.isEmpty()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    locations.forEach(DataRemoval.this::remove);
                }
            }
        });
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
