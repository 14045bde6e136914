package org.glancejee.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.ConflictException;
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

    /**
     * Claims an image for scrubbing before any of its data is removed: its waiting locations become
     * {@code scrubbing}, under a row lock the restore takes too, so a restore either happens first or is
     * refused. Returns the locations to remove (also those claimed by an earlier run that failed on them);
     * none when the image was restored meanwhile.
     */
    public List<ImageLocation> claim(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || image.status() != ImageStatus.PENDING_DELETE) {
            return List.of();
        }
        List<ImageLocation> waiting = waitingLocations(imageId);
        waiting.forEach(ImageLocation::claimForScrubbing);
        return waiting;
    }

    /** The image's data is gone everywhere: it and its locations are deleted for good (false if restored). */
    public boolean imageScrubbed(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || image.status() != ImageStatus.PENDING_DELETE) {
            return false;
        }
        waitingLocations(imageId).forEach(ImageLocation::scrubbed);
        image.scrubbed(Instant.now());
        return true;
    }

    /** Brings a pending_delete image back, active with its data, unless the scrubber has begun on it. */
    public void restore(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        if (image == null) {
            throw new NotFoundException("No image with ID " + imageId + " found.");
        }
        List<ImageLocation> waiting = waitingLocations(imageId);
        if (waiting.stream().anyMatch(l -> ImageLocation.SCRUBBING.equals(l.status()))) {
            throw new ConflictException("Image " + imageId + " cannot be restored: the scrubber is removing its data");
        }
        Instant now = Instant.now();
        image.restore(now);
        waiting.forEach(l -> l.restore(now));
    }

    private List<ImageLocation> waitingLocations(String imageId) {
        return em.createQuery("SELECT l FROM ImageLocation l WHERE l.imageId = :image AND l.status IN :waiting",
                        ImageLocation.class)
                .setParameter("image", imageId)
                .setParameter("waiting", ImageLocation.AWAITING_SCRUBBER).getResultList();
    }
}
