package org.glancejee.persistence;

import org.glancejee.domain.ImageQuery;
import org.glancejee.domain.ImageQuery.SortKey;
import org.glancejee.domain.RequestContext;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL behind one page of GET /v2/images: Glance's visibility rules, every filter, the requested order
 * with created_at and id as tie-breakers, and keyset paging after the marker (no OFFSET, so page 4000 costs
 * what page 1 costs). NULL sorts lowest, as on both MariaDB and H2.
 */
final class ImageListSql {
    /** Columns a caller may sort by; the marker row is read in this order. */
    static final List<String> SORT_COLUMNS =
            List.of("name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at");

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("status", "status"),
            Map.entry("container_format", "container_format"), Map.entry("disk_format", "disk_format"),
            Map.entry("size", "size"), Map.entry("virtual_size", "virtual_size"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("owner", "owner"), Map.entry("checksum", "checksum"),
            Map.entry("os_hash_algo", "os_hash_algo"), Map.entry("os_hash_value", "os_hash_value"),
            Map.entry("min_ram", "min_ram"), Map.entry("min_disk", "min_disk"));

    private static final java.util.Set<String> NOT_NULL = java.util.Set.of("id", "status", "created_at");

    private static final Map<String, String> OPERATORS = Map.of(
            "gt", ">", "gte", ">=", "eq", "=", "neq", "<>", "lt", "<", "lte", "<=");

    private final StringBuilder sql = new StringBuilder();
    private final Map<Integer, Object> parameters = new HashMap<>();

    /**
     * How many images a tag or property filter matches, roughly: whether the database should start from
     * the few images that have it (IN), or walk the requested order and test each image (EXISTS), which
     * finds a page quickly when many have it. H2 does not weigh the two itself.
     */
    interface Selectivity {
        boolean fewTagged(String tag);

        boolean fewWithProperty(String name, String value);
    }

    ImageListSql(ImageQuery query, RequestContext caller, Map<String, Object> marker, Selectivity selectivity) {
        sql.append("SELECT i.id FROM images i WHERE i.deleted = FALSE AND i.status <> 'killed'");
        listableTo(caller, query.memberStatus());
        visibilityFilter(query.visibility(), caller);
        sql.append(query.osHidden() ? " AND i.os_hidden = TRUE" : " AND i.os_hidden = FALSE");
        filters(query, selectivity);
        List<SortKey> order = effectiveOrder(query.sort());
        if (marker != null) {
            after(order, marker);
        }
        sql.append(" ORDER BY ");
        for (int k = 0; k < order.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append("i.").append(column(order.get(k).key()))
                    .append(order.get(k).ascending() ? " ASC" : " DESC");
        }
        // In the SQL, not JPA's setMaxResults: EclipseLink reads a maximum of 0 as "no maximum", and a
        // JDBC maxRows may leave the database to produce every row for the driver to drop.
        sql.append(" LIMIT ").append(query.limit());
    }

    private ImageListSql() {
    }

    /** Reads the sort columns of a marker image, if the caller may see it. */
    static ImageListSql markerLookup(String id, RequestContext caller) {
        ImageListSql q = new ImageListSql();
        q.sql.append("SELECT ");
        for (int k = 0; k < SORT_COLUMNS.size(); k++) {
            q.sql.append(k == 0 ? "" : ", ").append("i.").append(SORT_COLUMNS.get(k));
        }
        q.sql.append(" FROM images i WHERE i.id = ").append(q.bind(id));
        if (!caller.admin()) {
            q.sql.append(" AND i.deleted = FALSE");
        }
        q.visibleTo(caller);
        return q;
    }

    String text() {
        return sql.toString();
    }

    Map<Integer, Object> parameters() {
        return parameters;
    }

    private String bind(Object value) {
        int position = parameters.size() + 1;
        parameters.put(position, value instanceof java.time.Instant instant ? Timestamp.from(instant) : value);
        return "?" + position;
    }

    /**
     * The images Glance lists to a non-admin: public and community ones, the project's own, and shared ones
     * it is a member of in the requested status (accepted by default). Unlike a single image, an image
     * without an owner is not listed for that alone. A caller without a project gets, as in Glance's query,
     * every shared image that has any current member.
     */
    private void listableTo(RequestContext caller, String memberStatus) {
        if (caller.admin()) {
            return;
        }
        String project = caller.projectId();
        sql.append(" AND (i.visibility IN ('public', 'community')");
        if (project != null) {
            sql.append(" OR i.owner = ").append(bind(project));
        }
        sql.append(" OR (i.visibility = 'shared' AND EXISTS (SELECT 1 FROM image_members m")
                .append(" WHERE m.image_id = i.id AND m.deleted = FALSE");
        if (project != null) {
            sql.append(" AND m.member = ").append(bind(project));
            if (!"all".equals(memberStatus)) {
                sql.append(" AND m.status = ").append(bind(memberStatus == null ? "accepted" : memberStatus));
            }
        }
        sql.append(")))");
    }

    /**
     * Glance's is_image_visible, for the marker: what the caller could show, so also owner-less images and
     * shared ones it is a member of in any status.
     */
    private void visibleTo(RequestContext caller) {
        if (caller.admin()) {
            return;
        }
        String project = caller.projectId();
        sql.append(" AND (i.visibility IN ('public', 'community') OR i.owner IS NULL");
        if (project != null) {
            sql.append(" OR i.owner = ").append(bind(project))
                    .append(" OR (i.visibility = 'shared' AND EXISTS (SELECT 1 FROM image_members m")
                    .append(" WHERE m.image_id = i.id AND m.deleted = FALSE AND m.member = ").append(bind(project))
                    .append("))");
        }
        sql.append(")");
    }

    /** Without a visibility filter, community images show only to their owner (admins included). */
    private void visibilityFilter(String visibility, RequestContext caller) {
        if (visibility == null) {
            sql.append(" AND (i.visibility <> 'community'");
            if (caller.projectId() != null) {
                sql.append(" OR i.owner = ").append(bind(caller.projectId()));
            }
            sql.append(")");
        } else if (!"all".equals(visibility)) {
            sql.append(" AND i.visibility = ").append(bind(visibility));
        }
    }

    private void filters(ImageQuery query, Selectivity selectivity) {
        query.exact().forEach((key, values) -> {
            if (values.isEmpty()) {
                sql.append(" AND 1 = 0"); // "in:" with an empty list matches nothing
                return;
            }
            sql.append(" AND i.").append(column(key));
            if (values.size() == 1) {
                sql.append(" = ").append(bind(values.get(0)));
            } else {
                sql.append(" IN (");
                for (int k = 0; k < values.size(); k++) {
                    sql.append(k == 0 ? "" : ", ").append(bind(values.get(k)));
                }
                sql.append(")");
            }
        });
        for (ImageQuery.TimeFilter t : query.timeFilters()) {
            sql.append(" AND i.").append(column(t.column())).append(' ').append(OPERATORS.get(t.op()))
                    .append(' ').append(bind(t.value()));
        }
        if (query.sizeMin() != null) {
            sql.append(" AND i.size >= ").append(bind(query.sizeMin()));
        }
        if (query.sizeMax() != null) {
            sql.append(" AND i.size <= ").append(bind(query.sizeMax()));
        }
        if (query.isProtected() != null) {
            sql.append(query.isProtected() ? " AND i.is_protected = TRUE" : " AND i.is_protected = FALSE");
        }
        for (String tag : query.tags()) {
            sql.append(selectivity.fewTagged(tag)
                    ? " AND i.id IN (SELECT t.image_id FROM image_tags t WHERE t.tag = "
                    : " AND EXISTS (SELECT 1 FROM image_tags t WHERE t.image_id = i.id AND t.tag = ");
            sql.append(bind(tag)).append(")");
        }
        query.properties().forEach((name, value) -> {
            sql.append(selectivity.fewWithProperty(name, value)
                    ? " AND i.id IN (SELECT p.image_id FROM image_properties p WHERE p.name = "
                    : " AND EXISTS (SELECT 1 FROM image_properties p WHERE p.image_id = i.id AND p.name = ");
            sql.append(bind(name)).append(" AND p.prop_value = ").append(bind(value)).append(")");
        });
    }

    /** The caller's order (Glance's tie-breakers already added), made total by id if it is not in it. */
    private static List<SortKey> effectiveOrder(List<SortKey> requested) {
        List<SortKey> order = new ArrayList<>(requested);
        if (order.isEmpty()) {
            order.add(new SortKey("created_at", false));
        }
        if (order.stream().noneMatch(k -> k.key().equals("id"))) {
            order.add(new SortKey("id", order.get(order.size() - 1).ascending()));
        }
        return order;
    }

    /**
     * Rows strictly after the marker in this order: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ..., led by the
     * plain range on k1 that this implies where one exists (k1 >= v1, k1 <= v1, k1 IS NULL), so that the
     * database starts at the marker in an index instead of walking there from the first row.
     */
    private void after(List<SortKey> order, Map<String, Object> marker) {
        SortKey lead = order.get(0);
        String leadColumn = "i." + column(lead.key());
        Object leadValue = marker.get(column(lead.key()));
        if (leadValue == null) {
            if (!lead.ascending()) {
                sql.append(" AND ").append(leadColumn).append(" IS NULL");
            }
        } else if (lead.ascending()) {
            sql.append(" AND ").append(leadColumn).append(" >= ").append(bind(leadValue));
        } else if (NOT_NULL.contains(lead.key())) {
            // for a nullable column the range would be "<= v1 OR IS NULL", which H2 cannot use
            sql.append(" AND ").append(leadColumn).append(" <= ").append(bind(leadValue));
        }
        sql.append(" AND (");
        for (int term = 0; term < order.size(); term++) {
            sql.append(term == 0 ? "(" : " OR (");
            for (int k = 0; k < term; k++) {
                equalTo(order.get(k).key(), marker.get(column(order.get(k).key())));
                sql.append(" AND ");
            }
            beyond(order.get(term), marker.get(column(order.get(term).key())));
            sql.append(")");
        }
        sql.append(")");
    }

    private void equalTo(String key, Object value) {
        String col = "i." + column(key);
        if (value == null) {
            sql.append(col).append(" IS NULL");
        } else {
            sql.append(col).append(" = ").append(bind(value));
        }
    }

    private void beyond(SortKey key, Object value) {
        String col = "i." + column(key.key());
        if (key.ascending()) {
            sql.append(value == null ? col + " IS NOT NULL" : col + " > " + bind(value));
        } else {
            sql.append(value == null ? "1 = 0" : "(" + col + " < " + bind(value) + " OR " + col + " IS NULL)");
        }
    }

    private static String column(String key) {
        String column = COLUMNS.get(key);
        if (column == null) {
            throw new IllegalArgumentException("not a listable column: " + key);
        }
        return column;
    }
}
