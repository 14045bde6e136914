package org.glancejee.cache;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rows that say what one server's cache holds; each call is its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CacheIndex {

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    public void record(String node, String imageId, long size, String checksum) {
        forget(node, imageId);
        em.persist(new CachedImage(node, imageId, size, checksum, Instant.now()));
    }

    public void hit(String node, String imageId) {
        find(node, imageId).ifPresent(entry -> entry.hit(Instant.now()));
    }

    public boolean forget(String node, String imageId) {
        return em.createQuery("DELETE FROM CachedImage c WHERE c.node = :node AND c.imageId = :image")
                .setParameter("node", node).setParameter("image", imageId).executeUpdate() > 0;
    }

    /** Forgets an entry in the caller's transaction: the row goes only if the caller's change commits. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void forgetWithCaller(String node, String imageId) {
        forget(node, imageId);
    }

    public int forgetAll(String node) {
        return em.createQuery("DELETE FROM CachedImage c WHERE c.node = :node")
                .setParameter("node", node).executeUpdate();
    }

    /** This server's entries, least recently used first. */
    public List<CachedImage> entries(String node) {
        return em.createQuery("SELECT c FROM CachedImage c WHERE c.node = :node ORDER BY c.lastAccessed, c.imageId",
                        CachedImage.class)
                .setParameter("node", node).getResultList();
    }

    private Optional<CachedImage> find(String node, String imageId) {
        return em.createQuery("SELECT c FROM CachedImage c WHERE c.node = :node AND c.imageId = :image",
                        CachedImage.class)
                .setParameter("node", node).setParameter("image", imageId).getResultStream().findFirst();
    }
}
