package org.glancejee.service;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.ImageStatus;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StoreRemains;
import org.glancejee.store.filesystem.FilesystemImageStore;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a crash: uploads this server was streaming when it died go back to queued, and the partial files
 * they left are deleted, before the server takes requests.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class UploadRecovery {
    private static final Logger LOG = Logger.getLogger(UploadRecovery.class.getName());

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    StorageSettings settings;

    @Inject
    ImageStores stores;

    @Inject
    StoreRemains remains;

    @PostConstruct
    void recover() {
        List<String> interrupted = em.createQuery("SELECT i.id FROM Image i WHERE i.status = :saving"
                        + " AND i.savingNode = :node", String.class)
                .setParameter("saving", ImageStatus.SAVING)
                .setParameter("node", settings.nodeName()).getResultList();
        remains.removeLater(interrupted);
        int reset = em.createQuery("UPDATE Image i SET i.status = :queued, i.savingNode = NULL, i.size = NULL,"
                        + " i.checksum = NULL, i.osHashAlgo = NULL, i.osHashValue = NULL, i.version = i.version + 1"
                        + " WHERE i.status = :saving AND i.savingNode = :node")
                .setParameter("queued", ImageStatus.QUEUED)
                .setParameter("saving", ImageStatus.SAVING)
                .setParameter("node", settings.nodeName())
                .executeUpdate();
        int partials = 0;
        int orphans = 0;
        for (FilesystemImageStore store : stores.filesystemStores()) {
            try {
                partials += store.removePartials();
                Set<String> referenced = new HashSet<>(em.createQuery("SELECT l.imageId FROM ImageLocation l"
                        + " WHERE l.deleted = FALSE AND l.store = :store", String.class)
                        .setParameter("store", store.id()).getResultList());
                orphans += store.removeUnreferencedOlderThan(referenced, java.time.Duration.ofMinutes(10));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not clean the file store " + store.id(), e);
            }
        }
        if (reset + partials + orphans > 0) {
            LOG.warning("Recovered from an interrupted run: " + reset + " uploads back to queued, " + partials
                    + " partial files and " + orphans + " unreferenced files removed");
        }
    }
}
