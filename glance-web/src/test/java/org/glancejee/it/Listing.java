package org.glancejee.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.glancejee.it.Api.get;
import static org.glancejee.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Helpers for GET /v2/images tests. Every test works on its own images, marked with a tag no other test
 * uses, and filters on that tag, so images from other tests on the shared server never get in the way.
 */
final class Listing {
    private Listing() {
    }

    /** A tag (or name, or property value) no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an image with the tag and the extra JSON members (e.g. {@code "name":"x"}), returns its id. */
    static String image(String tag, String members) {
        return Api.createImage("{\"tags\":[\"" + tag + "\"]" + (members.isEmpty() ? "" : "," + members) + "}")
                .getString("id");
    }

    /** GET path, insisting on 200 and the listing's shape. */
    static JsonObject page(String path) {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), () -> path + " -> " + response.body());
        JsonObject body = json(response);
        assertEquals("/v2/schemas/images", body.getString("schema"));
        assertTrue(body.containsKey("first"), body::toString);
        return body;
    }

    static JsonObject list(String query) {
        return page("/v2/images?" + query);
    }

    static List<String> ids(JsonObject page) {
        return page.getJsonArray("images").stream().map(i -> i.asJsonObject().getString("id")).toList();
    }

    static List<String> ids(String query) {
        return ids(list(query));
    }

    static String next(JsonObject page) {
        return page.containsKey("next") ? page.getString("next") : null;
    }

    /** Follows next links from path until there is none; returns the ids in the order seen. */
    static List<String> walk(String path) {
        List<String> seen = new ArrayList<>();
        String next = path;
        int pages = 0;
        while (next != null) {
            if (++pages > 2000) {
                fail("more than 2000 pages from " + path + ", seen " + seen.size());
            }
            JsonObject page = page(next);
            seen.addAll(ids(page));
            next = next(page);
        }
        Set<String> distinct = new HashSet<>(seen);
        assertEquals(distinct.size(), seen.size(), () -> "an image came twice walking " + path + ": " + seen);
        return seen;
    }

    /** A 400 whose explanation is exactly {@code message} (JSON rendering of a webob explanation). */
    static void assertBadRequest(String query, String message) {
        HttpResponse<String> response = get("/v2/images?" + query, "Accept", "application/json");
        assertEquals(400, response.statusCode(), () -> query + " -> " + response.body());
        assertEquals(message + "<br /><br />\n\n\n", json(response).getString("message"), query);
    }

    static String text(JsonObject image, String key) {
        JsonValue value = image.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : image.getString(key);
    }

    /**
     * Test set-up below the API, for what the API cannot set yet (sizes) or cannot set exactly (creation
     * times): runs one UPDATE on the server's own database.
     */
    static void sql(String statement, Object... args) {
        try (Connection c = DriverManager.getConnection(GlanceServer.jdbcUrl());
             PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i] instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : args[i];
                s.setObject(i + 1, arg);
            }
            assertEquals(1, s.executeUpdate(), statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    static void setSize(String id, Long size) {
        sql("UPDATE images SET size = ?, virtual_size = ? WHERE id = ?", size, size, id);
    }

    static void setCreatedAt(String id, String isoInstant) {
        Instant at = Instant.parse(isoInstant);
        sql("UPDATE images SET created_at = ?, updated_at = ? WHERE id = ?", at, at, id);
    }
}
