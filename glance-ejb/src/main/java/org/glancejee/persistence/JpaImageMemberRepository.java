package org.glancejee.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.ImageMember;
import org.glancejee.domain.ImageMemberRepository;

import java.util.List;
import java.util.Optional;

/** Image memberships in the image_members table, found through its (image_id, member) index. */
@ApplicationScoped
public class JpaImageMemberRepository implements ImageMemberRepository {

    @PersistenceContext(unitName = "glance")
    private EntityManager em;

    @Override
    public List<ImageMember> list(String imageId) {
        return em.createQuery("SELECT m FROM ImageMember m WHERE m.imageId = :image AND m.deleted = FALSE"
                        + " ORDER BY m.createdAt, m.id", ImageMember.class)
                .setParameter("image", imageId).getResultList();
    }

    @Override
    public Optional<ImageMember> find(String imageId, String member) {
        return rows(imageId, member).stream().filter(m -> !m.isDeleted()).findFirst();
    }

    @Override
    public Optional<ImageMember> findIncludingRemoved(String imageId, String member) {
        return rows(imageId, member).stream().findFirst();
    }

    @Override
    public long count(String imageId) {
        return em.createQuery("SELECT COUNT(m) FROM ImageMember m WHERE m.imageId = :image AND m.deleted = FALSE",
                        Long.class)
                .setParameter("image", imageId).getSingleResult();
    }

    @Override
    public void add(ImageMember member) {
        em.persist(member);
    }

    /** Every row for the pair, current ones first; the database's match is narrowed to the exact id. */
    private List<ImageMember> rows(String imageId, String member) {
        return em.createQuery("SELECT m FROM ImageMember m WHERE m.imageId = :image AND m.member = :member"
                        + " ORDER BY m.deleted, m.createdAt, m.id", ImageMember.class)
                .setParameter("image", imageId).setParameter("member", member).getResultList()
                .stream().filter(m -> m.member().equals(member)).toList();
    }
}
