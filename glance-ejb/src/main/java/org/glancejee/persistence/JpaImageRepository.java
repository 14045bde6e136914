package org.glancejee.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImagePage;
import org.glancejee.domain.ImageQuery;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.RequestContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Images in the relational database. A listing first selects one page of ids with plain SQL (filters,
 * visibility and keyset paging, all index-friendly), then loads those images with their properties and
 * tags in batches: a fixed handful of queries per page, whatever the catalogue's size.
 */
@ApplicationScoped
public class JpaImageRepository implements ImageRepository {

    /** Up to this many images with a tag or property: list them from that filter's index. */
    private static final int FEW = 2000;

    @PersistenceContext(unitName = "glance")
    private EntityManager em;

    @Override
    public Optional<Image> find(String id) {
        Image image = em.find(Image.class, id);
        if (image == null || image.isDeleted()) {
            return Optional.empty();
        }
        image.properties().size();
        image.tags().size();
        return Optional.of(image);
    }

    @Override
    public boolean idTaken(String id) {
        return em.find(Image.class, id) != null;
    }

    @Override
    public void add(Image image) {
        em.persist(image);
    }

    @Override
    public void addLocation(ImageLocation location) {
        em.persist(location);
    }

    @Override
    public List<ImageLocation> activeLocations(String imageId) {
        return em.createQuery("SELECT l FROM ImageLocation l WHERE l.imageId = :image AND l.deleted = FALSE"
                        + " ORDER BY l.createdAt", ImageLocation.class)
                .setParameter("image", imageId).getResultList();
    }

    @Override
    public List<ImageLocation> activeLocations(java.util.Collection<String> imageIds) {
        if (imageIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT l FROM ImageLocation l WHERE l.imageId IN :images AND l.deleted = FALSE"
                        + " ORDER BY l.createdAt", ImageLocation.class)
                .setParameter("images", imageIds).getResultList();
    }

    @Override
    public ImagePage list(ImageQuery query, RequestContext caller) {
        Map<String, Object> marker = query.marker() == null ? null : markerRow(query.marker(), caller);
        ImageListSql sql = new ImageListSql(query, caller, marker, new ImageListSql.Selectivity() {
            @Override
            public boolean fewTagged(String tag) {
                return few("SELECT 1 FROM image_tags WHERE tag = ?1", tag);
            }

            @Override
            public boolean fewWithProperty(String name, String value) {
                return few("SELECT 1 FROM image_properties WHERE name = ?1 AND prop_value = ?2", name, value);
            }
        });
        jakarta.persistence.Query select = em.createNativeQuery(sql.text());
        sql.parameters().forEach((position, value) -> select.setParameter(position, value));
        @SuppressWarnings("unchecked")
        List<Object> rows = select.getResultList();
        List<String> ids = rows.stream().map(String::valueOf).toList();
        return new ImagePage(load(ids), !ids.isEmpty() && ids.size() == query.limit());
    }

    /** Whether the rows of select are at most FEW, counting no further than that. */
    private boolean few(String select, Object... args) {
        jakarta.persistence.Query q = em.createNativeQuery(
                "SELECT COUNT(*) FROM (" + select + " LIMIT " + (FEW + 1) + ") few");
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        return ((Number) q.getSingleResult()).longValue() <= FEW;
    }

    /**
     * The marker image's sort values; an image the caller cannot see is as unknown as a missing one. As in
     * Glance, an admin may page on from an image deleted since, and an id longer than any id is refused
     * with Glance's unformatted message.
     */
    private Map<String, Object> markerRow(String markerId, RequestContext caller) {
        if (markerId.length() > 36) {
            throw new InvalidInputException("Image with the given id %(image_id)s was not found");
        }
        ImageListSql visible = ImageListSql.markerLookup(markerId, caller);
        jakarta.persistence.Query q = em.createNativeQuery(visible.text());
        visible.parameters().forEach((position, value) -> q.setParameter(position, value));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("No image found with ID " + markerId);
        }
        Map<String, Object> values = new HashMap<>();
        Object[] row = rows.get(0);
        for (int i = 0; i < ImageListSql.SORT_COLUMNS.size(); i++) {
            values.put(ImageListSql.SORT_COLUMNS.get(i), row[i]);
        }
        return values;
    }

    private List<Image> load(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        TypedQuery<Image> q = em.createQuery("SELECT i FROM Image i WHERE i.id IN :ids", Image.class)
                .setParameter("ids", ids)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "i.properties")
                .setHint("eclipselink.batch", "i.tags");
        Map<String, Image> byId = q.getResultList().stream()
                .collect(Collectors.toMap(Image::id, Function.identity()));
        List<Image> ordered = ids.stream().map(byId::get).toList();
        ordered.forEach(i -> {
            i.properties().size();
            i.tags().size();
        });
        return ordered;
    }

}
