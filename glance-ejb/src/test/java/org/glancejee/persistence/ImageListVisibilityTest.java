package org.glancejee.persistence;

import org.flywaydb.core.Flyway;
import org.glancejee.domain.ImageQuery;
import org.glancejee.domain.RequestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which images the listing SQL gives a caller, on the embedded H2 schema the migrations build: Glance's
 * _select_images_query (owner, public and community images, and shared ones by membership status) and,
 * for the marker, is_image_visible. The cases mirror what Glance 25 answered to the same callers.
 */
class ImageListVisibilityTest {
    private static final String URL = "jdbc:h2:mem:list-visibility;DB_CLOSE_DELAY=-1";
    private static final Pattern POSITIONAL = Pattern.compile("\\?(\\d+)");
    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    private static Connection db;

    @BeforeAll
    static void catalogue() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration")
                .placeholders(DatabaseMigrator.placeholders(false)).load().migrate();
        db = DriverManager.getConnection(URL, "sa", "");
        image("null-private", null, "private");
        image("null-shared", null, "shared");
        image("null-shared-pending-p2", null, "shared", "p2:pending");
        image("o-shared-pending-p2", "o", "shared", "p2:pending");
        image("o-shared-accepted-p2", "o", "shared", "p2:accepted", "p4:rejected");
        image("o-shared-rejected-p2", "o", "shared", "p2:rejected");
        image("o-shared-removed-p2", "o", "shared", "p2:accepted:removed");
        image("o-shared", "o", "shared");
        image("o-private-member-p2", "o", "private", "p2:accepted");
        image("o-public", "o", "public");
        image("o-community", "o", "community");
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void aMemberListsSharedImagesByItsMembershipStatusAcceptedByDefault() {
        RequestContext p2 = caller("p2");
        assertEquals(names("o-public", "o-shared-accepted-p2"), listed(p2, null, null));
        assertEquals(names("o-public", "null-shared-pending-p2", "o-shared-pending-p2"), listed(p2, null, "pending"));
        assertEquals(names("o-public", "o-shared-rejected-p2"), listed(p2, null, "rejected"));
        assertEquals(names("o-public", "null-shared-pending-p2", "o-shared-pending-p2", "o-shared-accepted-p2",
                "o-shared-rejected-p2"), listed(p2, null, "all"));
        assertEquals(names("null-shared-pending-p2", "o-shared-pending-p2", "o-shared-accepted-p2",
                "o-shared-rejected-p2"), listed(p2, "shared", "all"));
    }

    @Test
    void aProjectWithoutMembershipsListsPublicImagesOnlyNotOwnerlessOnes() {
        assertEquals(names("o-public"), listed(caller("p3"), null, null));
        assertEquals(names("o-public", "o-community"), listed(caller("p3"), "all", "all"));
    }

    @Test
    void theOwnerListsAllItsImagesWhateverTheMembershipStatus() {
        assertEquals(names("o-shared-pending-p2", "o-shared-accepted-p2", "o-shared-rejected-p2",
                "o-shared-removed-p2", "o-shared", "o-private-member-p2", "o-public", "o-community"),
                listed(caller("o"), null, "pending"));
    }

    @Test
    void aCallerWithoutAProjectListsEverySharedImageThatHasAMemberAsGlanceDoes() {
        assertEquals(names("o-public", "null-shared-pending-p2", "o-shared-pending-p2", "o-shared-accepted-p2",
                "o-shared-rejected-p2"), listed(caller(null), null, null));
    }

    @Test
    void anAdminListsEverythingButOthersCommunityImages() {
        RequestContext admin = new RequestContext(null, null, Set.of("admin"), true, "req");
        Set<String> all = new TreeSet<>(NAMES.keySet());
        all.remove("o-community");
        assertEquals(all, listed(admin, null, "rejected"));
    }

    @Test
    void theMarkerMayBeAnyImageTheCallerCouldShow() {
        RequestContext p2 = caller("p2");
        assertEquals(names("null-private", "null-shared", "null-shared-pending-p2", "o-shared-pending-p2",
                "o-shared-accepted-p2", "o-shared-rejected-p2", "o-public", "o-community"), markers(p2));
        assertEquals(names("null-private", "null-shared", "null-shared-pending-p2", "o-public", "o-community"),
                markers(caller("p3")));
        assertEquals(names("null-private", "null-shared", "null-shared-pending-p2", "o-public", "o-community"),
                markers(caller(null)));
    }

    private static RequestContext caller(String project) {
        return new RequestContext(project, "u", Set.of("member", "reader"), false, "req");
    }

    private static Set<String> names(String... names) {
        return new TreeSet<>(List.of(names));
    }

    private static Set<String> listed(RequestContext caller, String visibility, String memberStatus) {
        ImageQuery query = new ImageQuery(Map.of(), List.of(), null, null, visibility, memberStatus, false, null,
                List.of(), Map.of(), List.of(), 1000, null);
        return run(new ImageListSql(query, caller, null, new ImageListSql.Selectivity() {
            @Override
            public boolean fewTagged(String tag) {
                return true;
            }

            @Override
            public boolean fewWithProperty(String name, String value) {
                return true;
            }
        }));
    }

    private static Set<String> markers(RequestContext caller) {
        Set<String> visible = new TreeSet<>();
        for (Map.Entry<String, String> image : NAMES.entrySet()) {
            if (!run(ImageListSql.markerLookup(image.getValue(), caller)).isEmpty()) {
                visible.add(image.getKey());
            }
        }
        return visible;
    }

    /** Runs the statement with JDBC: its ?N parameters are numbered in the order they appear. */
    private static Set<String> run(ImageListSql sql) {
        Matcher m = POSITIONAL.matcher(sql.text());
        List<Object> values = new ArrayList<>();
        while (m.find()) {
            values.add(sql.parameters().get(Integer.parseInt(m.group(1))));
        }
        try (PreparedStatement s = db.prepareStatement(POSITIONAL.matcher(sql.text()).replaceAll("?"))) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            Set<String> names = new TreeSet<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    NAMES.forEach((name, imageId) -> {
                        if (imageId.equals(id)) {
                            names.add(name);
                        }
                    });
                    if (!NAMES.containsValue(id)) {
                        names.add(id);
                    }
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(sql.text(), e);
        }
    }

    /** An image and its members, each "project:status" or "project:status:removed". */
    private static void image(String name, String owner, String visibility, String... members) throws SQLException {
        String id = java.util.UUID.randomUUID().toString();
        NAMES.put(name, id);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = db.prepareStatement("INSERT INTO images (id, name, status, visibility,"
                + " is_protected, os_hidden, owner, min_disk, min_ram, created_at, updated_at, deleted, version)"
                + " VALUES (?, ?, 'queued', ?, FALSE, FALSE, ?, 0, 0, ?, ?, FALSE, 1)")) {
            s.setString(1, id);
            s.setString(2, name);
            s.setString(3, visibility);
            s.setString(4, owner);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        }
        for (String member : members) {
            String[] parts = member.split(":");
            try (PreparedStatement s = db.prepareStatement("INSERT INTO image_members (id, image_id, member,"
                    + " can_share, status, created_at, deleted) VALUES (?, ?, ?, FALSE, ?, ?, ?)")) {
                s.setString(1, java.util.UUID.randomUUID().toString());
                s.setString(2, id);
                s.setString(3, parts[0]);
                s.setString(4, parts[1]);
                s.setTimestamp(5, now);
                s.setBoolean(6, parts.length > 2);
                s.executeUpdate();
            }
        }
    }
}
