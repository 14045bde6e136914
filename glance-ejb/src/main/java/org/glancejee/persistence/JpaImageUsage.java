package org.glancejee.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.glancejee.domain.ImageUsage;

import java.util.ArrayList;
import java.util.List;

/**
 * Quota usage in one SQL aggregate each, over the owner index. Statuses and the rules of what counts are
 * Glance's ({@code glance/db/sqlalchemy/api.py}): killed and deleted images count nowhere, an image being
 * copied to more stores (non-empty {@code os_glance_importing_to_stores}) counts as uploading and staged.
 */
@ApplicationScoped
public class JpaImageUsage implements ImageUsage {

    private static final String COPYING = "EXISTS (SELECT 1 FROM image_properties p WHERE p.image_id = i.id"
            + " AND p.name = 'os_glance_importing_to_stores' AND p.prop_value <> '')";

    @PersistenceContext(unitName = "glance")
    private EntityManager em;

    @Override
    public long storedBytes(String owner, String exceptImageId) {
        return aggregate("SELECT COALESCE(SUM(i.size), 0) FROM images i JOIN image_locations l ON l.image_id = i.id"
                + " WHERE l.status <> 'deleted' AND i.size > 0 AND i.status NOT IN ('killed', 'deleted')",
                owner, exceptImageId);
    }

    @Override
    public long stagedBytes(String owner) {
        return aggregate("SELECT COALESCE(SUM(i.size), 0) FROM images i WHERE i.size > 0"
                + " AND (i.status IN ('uploading', 'importing')"
                + " OR (i.status NOT IN ('uploading', 'importing', 'killed', 'deleted') AND " + COPYING + "))",
                owner, null);
    }

    @Override
    public long imageCount(String owner) {
        return aggregate("SELECT COUNT(*) FROM images i WHERE i.status NOT IN ('killed', 'deleted')", owner, null);
    }

    @Override
    public long uploadingCount(String owner) {
        return aggregate("SELECT COUNT(*) FROM images i WHERE (i.status IN ('saving', 'uploading', 'importing')"
                + " OR (i.status NOT IN ('saving', 'uploading', 'importing', 'killed', 'deleted') AND " + COPYING
                + "))", owner, null);
    }

    /** Runs {@code select} (which ends in a WHERE clause) for the owner's images, less one image if given. */
    private long aggregate(String select, String owner, String exceptImageId) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(select);
        if (owner == null) {
            sql.append(" AND i.owner IS NULL");
        } else {
            parameters.add(owner);
            sql.append(" AND i.owner = ?").append(parameters.size());
        }
        if (exceptImageId != null) {
            parameters.add(exceptImageId);
            sql.append(" AND i.id <> ?").append(parameters.size());
        }
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
