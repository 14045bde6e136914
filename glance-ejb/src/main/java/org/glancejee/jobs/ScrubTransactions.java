package org.glancejee.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.NotFoundException;

import java.time.Instant;
import java.util.List;

/** The scrubber's short transactions over pending_delete images and their locations. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScrubTransactions {

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    /** Images deleted before {@code cutoff} whose data is still kept, oldest first. */
    public List<String> due(Instant cutoff, int limit) {
        return em.createQuery("SELECT i.id FROM Image i WHERE i.status = :pending AND i.deletedAt <= :cutoff"
                        + " ORDER BY i.deletedAt", String.class)
                .setParameter("pending", ImageStatus.PENDING_DELETE)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit).getResultList();
    }

    public long dueCount(Instant cutoff) {
        return em.createQuery("SELECT COUNT(i) FROM Image i WHERE i.status = :pending AND i.deletedAt <= :cutoff",
                        Long.class)
                .setParameter("pending", ImageStatus.PENDING_DELETE)
                .setParameter("cutoff", cutoff).getSingleResult();
    }

    /** The locations whose data still waits to be removed. */
    public List<ImageLocation> pendingLocations(String imageId) {
        return em.createQuery("SELECT l FROM ImageLocation l WHERE l.imageId = :image AND l.status = :pending",
                        ImageLocation.class)
                .setParameter("image", imageId)
                .setParameter("pending", ImageLocation.PENDING_DELETE).getResultList();
    }

    public void locationScrubbed(String locationId) {
        ImageLocation location = em.find(ImageLocation.class, locationId);
        if (location != null) {
            location.scrubbed();
        }
    }

    /** The image's data is gone everywhere: it is deleted for good. */
    public void imageScrubbed(String imageId) {
        Image image = em.find(Image.class, imageId);
        if (image != null && pendingLocations(imageId).isEmpty()) {
            image.scrubbed(Instant.now());
        }
    }

    /** Brings a pending_delete image back, active with its data. */
    public void restore(String imageId) {
        Image image = em.find(Image.class, imageId);
        if (image == null) {
            throw new NotFoundException("No image with ID " + imageId + " found.");
        }
        Instant now = Instant.now();
        image.restore(now);
        pendingLocations(imageId).forEach(l -> l.restore(now));
    }
}
