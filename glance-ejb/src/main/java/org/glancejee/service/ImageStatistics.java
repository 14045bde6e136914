package org.glancejee.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.RequestContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the admin dashboard shows, each one SQL aggregate over every project's images: counts by status,
 * visibility and disk format, and the bytes stored per store and per project. Admins only: they cover images
 * a project could not see.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ImageStatistics {
    /** Images that still exist: a deleted image counts nowhere. */
    private static final String LIVE = " FROM images i WHERE i.status <> 'deleted'";

    /** Bytes an image takes in a store: each location of an image with data, pending deletes included. */
    private static final String STORED = " FROM images i JOIN image_locations l ON l.image_id = i.id"
            + " WHERE l.deleted = FALSE AND i.size > 0 AND i.status NOT IN ('killed', 'deleted')";

    public record Usage(String name, long images, long bytes) {
    }

    public record Summary(long images, Map<String, Long> byStatus, Map<String, Long> byVisibility,
                          Map<String, Long> byDiskFormat, List<Usage> byStore, List<Usage> byProject) {
    }

    @PersistenceContext(unitName = "glance")
    private EntityManager em;

    /** The whole picture; {@code topProjects} bounds the per-project list, largest first. */
    public Summary summary(RequestContext caller, int topProjects) {
        if (!caller.admin()) {
            throw new ForbiddenException("Only administrators see every project's figures.");
        }
        Map<String, Long> byStatus = counts("i.status");
        return new Summary(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus,
                counts("i.visibility"), counts("COALESCE(i.disk_format, '')"),
                usage("SELECT l.store, COUNT(DISTINCT i.id), SUM(i.size)" + STORED + " GROUP BY l.store ORDER BY 3 DESC",
                        Integer.MAX_VALUE),
                usage("SELECT COALESCE(i.owner, ''), COUNT(DISTINCT i.id), SUM(i.size)" + STORED
                        + " GROUP BY COALESCE(i.owner, '') ORDER BY 3 DESC", topProjects));
    }

    private Map<String, Long> counts(String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<?> rows = em.createNativeQuery("SELECT " + column + ", COUNT(*)" + LIVE + " GROUP BY " + column
                + " ORDER BY 2 DESC, 1").getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            counts.put(String.valueOf(cells[0]), ((Number) cells[1]).longValue());
        }
        return counts;
    }

    private List<Usage> usage(String sql, int limit) {
        List<?> rows = em.createNativeQuery(sql).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(cells -> new Usage(String.valueOf(cells[0]),
                ((Number) cells[1]).longValue(), ((Number) cells[2]).longValue())).toList();
    }
}
