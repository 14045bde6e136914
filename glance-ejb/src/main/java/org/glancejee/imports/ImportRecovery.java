package org.glancejee.imports;


import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.store.StagingArea;
import org.glancejee.store.StoreRemains;
import org.glancejee.config.ImportSettings;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.Task;
import org.glancejee.domain.TaskRepository;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a crash, before the server takes requests: imports this server was running fail cleanly (their
 * images back to queued, their locks released), stages it was receiving go back to queued, and staged files
 * that no image is waiting for are removed. Nothing stays importing or uploading forever.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class ImportRecovery {
    private static final Logger LOG = Logger.getLogger(ImportRecovery.class.getName());
    static final String INTERRUPTED = "The import was interrupted by a restart of the server; import the image again.";

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    TaskRepository tasks;

    @Inject
    StagingArea staging;

    @Inject
    StorageSettings storage;

    @Inject
    ImportSettings settings;

    @Inject
    StoreRemains remains;

    @PostConstruct
    void recover() {
        Instant now = Instant.now();
        List<Task> interrupted = tasks.unfinishedOn(storage.nodeName());
        remains.removeLater(interrupted.stream().map(Task::imageId).distinct().toList());
        for (Task task : interrupted) {
            task.fail(INTERRUPTED, settings.taskTimeToLive(), now);
            Image image = em.find(Image.class, task.imageId());
            if (image != null && !image.isDeleted()) {
                image.failImport(task.id(), ImportTransactions.targets(task), now);
            }
        }
        List<Image> stages = em.createQuery("SELECT i FROM Image i WHERE i.status = :uploading"
                        + " AND i.savingNode = :node", Image.class)
                .setParameter("uploading", ImageStatus.UPLOADING)
                .setParameter("node", storage.nodeName()).getResultList();
        stages.forEach(i -> i.abandonStaging(now));
        int removed = removeUnclaimedStagedData();
        if (!interrupted.isEmpty() || !stages.isEmpty() || removed > 0) {
            LOG.warning("Recovered from an interrupted run: " + interrupted.size() + " imports failed, "
                    + stages.size() + " stages back to queued, " + removed + " staged files removed");
        }
    }

    /** Partial files are what a crash interrupted; staged data no uploading image claims is a leftover. */
    private int removeUnclaimedStagedData() {
        try {
            int removed = staging.removePartials();
            Set<String> claimed = new HashSet<>(em.createQuery("SELECT i.id FROM Image i"
                    + " WHERE i.status = :uploading AND i.deleted = FALSE", String.class)
                    .setParameter("uploading", ImageStatus.UPLOADING).getResultList());
            for (String id : staging.imageIds()) {
                if (!claimed.contains(id)) {
                    staging.delete(id);
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not clean the staging directory", e);
            return 0;
        }
    }
}
