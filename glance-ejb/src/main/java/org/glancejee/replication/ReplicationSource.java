package org.glancejee.replication;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageStatus;

import java.util.List;

/** This server's side of a replication: the images that go, and those deleted here, read in short transactions. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReplicationSource {

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    /** The active images the filter admits, oldest first. */
    public List<ReplicaView> activeImages(ReplicationFilter filter) {
        return views(em.createQuery("SELECT i FROM Image i WHERE i.status = :active ORDER BY i.createdAt, i.id",
                Image.class).setParameter("active", ImageStatus.ACTIVE), filter);
    }

    /** The images deleted here (their rows stay) that the filter admits. */
    public List<ReplicaView> deletedImages(ReplicationFilter filter) {
        return views(em.createQuery("SELECT i FROM Image i WHERE i.deleted = TRUE ORDER BY i.deletedAt, i.id",
                Image.class), filter);
    }

    private static List<ReplicaView> views(jakarta.persistence.TypedQuery<Image> query, ReplicationFilter filter) {
        // Tags and properties in one query each rather than two per image.
        return query.setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "i.tags")
                .setHint("eclipselink.batch", "i.properties").getResultList().stream()
                .map(ReplicaView::of).filter(filter::admits).toList();
    }
}
