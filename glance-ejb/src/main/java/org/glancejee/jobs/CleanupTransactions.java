package org.glancejee.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.TaskRepository;

import java.time.Instant;

/** The clean-up jobs' transactions, each its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CleanupTransactions {

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    TaskRepository tasks;

    /** Images whose staged data is in use: being staged or imported. */
    public java.util.Set<String> imagesUsingStaging() {
        return new java.util.HashSet<>(em.createQuery("SELECT i.id FROM Image i WHERE i.deleted = FALSE"
                        + " AND i.status IN :using", String.class)
                .setParameter("using", java.util.List.of(org.glancejee.domain.ImageStatus.UPLOADING,
                        org.glancejee.domain.ImageStatus.IMPORTING)).getResultList());
    }

    /** Which of these images still have their data to serve: active or deactivated, not deleted. */
    public java.util.Set<String> withData(java.util.Collection<String> imageIds) {
        if (imageIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(em.createQuery("SELECT i.id FROM Image i WHERE i.deleted = FALSE"
                        + " AND i.id IN :ids AND i.status IN :serving", String.class)
                .setParameter("ids", imageIds)
                .setParameter("serving", java.util.List.of(org.glancejee.domain.ImageStatus.ACTIVE,
                        org.glancejee.domain.ImageStatus.DEACTIVATED)).getResultList());
    }

    /** Soft-deletes the tasks whose time to live is over; returns how many. */
    public int expireTasks(Instant now) {
        return tasks.expire(now);
    }

    /**
     * Glance's {@code glance-manage db purge}: removes rows soft-deleted before {@code cutoff} from the
     * locations, members and tasks tables, at most {@code maxRows} from each. Image rows stay (as Glance's
     * purge leaves them unless asked separately), so a deleted image's id is never given again.
     */
    public int purge(Instant cutoff, int maxRows) {
        int removed = 0;
        for (String entity : new String[] {"ImageLocation", "ImageMember", "Task"}) {
            // A pending_delete or scrubbing location is soft-deleted but its data still waits for the scrubber.
            String waiting = entity.equals("ImageLocation") ? " AND r.status NOT IN ('"
                    + String.join("', '", ImageLocation.AWAITING_SCRUBBER) + "')" : "";
            var ids = em.createQuery("SELECT r.id FROM " + entity + " r WHERE r.deleted = TRUE AND r.deletedAt < :cutoff"
                            + waiting, Object.class)
                    .setParameter("cutoff", cutoff).setMaxResults(maxRows).getResultList();
            if (!ids.isEmpty()) {
                removed += em.createQuery("DELETE FROM " + entity + " r WHERE r.id IN :ids")
                        .setParameter("ids", ids).executeUpdate();
            }
        }
        return removed;
    }
}
