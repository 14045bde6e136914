package org.glancejee.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.glancejee.it.Api.delete;
import static org.glancejee.it.Api.get;
import static org.glancejee.it.Api.json;
import static org.glancejee.it.Api.post;
import static org.glancejee.it.Api.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metadata definitions namespaces as Glance serves them (answers compared with Glance 25's): create, show,
 * replace, delete (not while protected), list with paging, sorting and the visibility filter, and the
 * errors for bodies the namespace schema refuses. The noauth caller is an admin (metadef_admin).
 */
@ExtendWith(GlanceServer.class)
class MetadefNamespacesIT {
    private static final String BASE = "/v2/metadefs/namespaces";

    private static String unique(String name) {
        return "IT::" + name + "::" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String path(String namespace) {
        return BASE + "/" + URLEncoder.encode(namespace, StandardCharsets.UTF_8);
    }

    @Test
    void aNamespaceIsCreatedShownReplacedAndDeleted() {
        String ns = unique("Lifecycle");
        HttpResponse<String> created = post(BASE, "{\"namespace\": \"" + ns + "\", \"display_name\": \"Life\","
                + " \"description\": \"d\", \"visibility\": \"public\", \"owner\": \"p1\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(BASE + "/" + ns));
        JsonObject body = json(created);
        assertEquals(ns, body.getString("namespace"));
        assertEquals("Life", body.getString("display_name"));
        assertEquals("d", body.getString("description"));
        assertEquals("public", body.getString("visibility"));
        assertFalse(body.getBoolean("protected"));
        assertEquals("p1", body.getString("owner"));
        assertTrue(body.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(BASE + "/" + ns, body.getString("self"));
        assertEquals("/v2/schemas/metadefs/namespace", body.getString("schema"));
        assertEquals(body, json(get(path(ns))));

        HttpResponse<String> replaced = put(path(ns), "{\"namespace\": \"" + ns + "\", \"description\": \"new\","
                + " \"protected\": true, \"owner\": \"p1\"}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonObject after = json(replaced);
        assertEquals("new", after.getString("description"));
        assertTrue(after.getBoolean("protected"));
        assertFalse(after.containsKey("display_name"), "a PUT replaces the whole namespace");
        assertEquals("private", after.getString("visibility"), "Glance's default for a PUT without it");

        HttpResponse<String> refused = delete(path(ns));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("is protected and cannot be deleted"), refused.body());
        assertEquals(200, put(path(ns), "{\"namespace\": \"" + ns + "\", \"owner\": \"p1\"}").statusCode());
        assertEquals(204, delete(path(ns)).statusCode());
        HttpResponse<String> gone = get(path(ns));
        assertEquals(404, gone.statusCode());
        assertTrue(gone.body().contains("Metadata definition namespace=" + ns + " was not found."), gone.body());
        assertEquals(404, delete(path(ns)).statusCode());
    }

    @Test
    void namesAreUniqueOnCreateAndOnRename() {
        String first = unique("First");
        String second = unique("Second");
        assertEquals(201, post(BASE, "{\"namespace\": \"" + first + "\", \"owner\": \"p1\"}").statusCode());
        assertEquals(201, post(BASE, "{\"namespace\": \"" + second + "\", \"owner\": \"p1\"}").statusCode());
        HttpResponse<String> again = post(BASE, "{\"namespace\": \"" + first + "\", \"owner\": \"p1\"}");
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("The metadata definition namespace=" + first + " already exists."));
        assertEquals(409, put(path(second), "{\"namespace\": \"" + first + "\"}").statusCode());

        String renamed = unique("Renamed");
        HttpResponse<String> rename = put(path(second), "{\"namespace\": \"" + renamed + "\"}");
        assertEquals(200, rename.statusCode(), rename.body());
        assertEquals(404, get(path(second)).statusCode());
        assertEquals(200, get(path(renamed)).statusCode());
    }

    @Test
    void bodiesTheSchemaRefusesAreRefused() {
        assertEquals(400, post(BASE, "{\"display_name\": \"no name\"}").statusCode(), "namespace is required");
        assertEquals(400, post(BASE, "{\"namespace\": \"" + unique("X") + "\", \"color\": \"red\"}").statusCode());
        assertEquals(400, post(BASE, "{\"namespace\": \"" + unique("X") + "\", \"visibility\": \"shared\"}")
                .statusCode());
        assertEquals(400, post(BASE, "{\"namespace\": \"" + unique("X") + "\", \"protected\": \"yes\"}")
                .statusCode());
        assertEquals(400, post(BASE, "{\"namespace\": \"" + "n".repeat(81) + "\"}").statusCode());
        assertEquals(400, post(BASE, "{\"namespace\": 5}").statusCode());
        assertEquals(400, post(BASE, "not json").statusCode());
        HttpResponse<String> readOnly = post(BASE, "{\"namespace\": \"" + unique("X") + "\","
                + " \"created_at\": \"2020-01-01T00:00:00Z\"}");
        assertEquals(403, readOnly.statusCode());
        assertTrue(readOnly.body().contains("Attribute 'created_at' is read-only."), readOnly.body());
        assertEquals(404, put(path(unique("Missing")), "{\"namespace\": \"x\"}").statusCode());
    }

    @Test
    void listsPageSortAndFilter() {
        String prefix = unique("List");
        List<String> made = new ArrayList<>();
        for (String suffix : new String[] {"a", "b", "c"}) {
            String ns = prefix + suffix;
            made.add(ns);
            assertEquals(201, post(BASE, "{\"namespace\": \"" + ns + "\", \"owner\": \"p1\", \"visibility\": \""
                    + (suffix.equals("b") ? "private" : "public") + "\"}").statusCode());
        }
        List<String> all = names("?sort_key=namespace&sort_dir=asc&limit=1000");
        assertEquals(made, all.stream().filter(n -> n.startsWith(prefix)).toList(), "ascending by name");

        // Newest first by default, two at a time, following the next links.
        JsonObject first = json(get(BASE + "?limit=2"));
        assertEquals(BASE + "?limit=2", first.getString("first"));
        assertEquals("/v2/schemas/metadefs/namespaces", first.getString("schema"));
        List<String> paged = new ArrayList<>(strings(first));
        String next = first.getString("next", null);
        while (next != null) {
            assertTrue(next.startsWith(BASE + "?limit=2&marker="), next);
            JsonObject page = json(get(next));
            paged.addAll(strings(page));
            next = page.getString("next", null);
        }
        List<String> newestFirst = names("?limit=1000");
        assertEquals(newestFirst, paged, "the pages together are the whole listing, in order");
        assertEquals(List.of(made.get(2), made.get(1), made.get(0)),
                newestFirst.stream().filter(n -> n.startsWith(prefix)).toList());

        assertEquals(List.of(made.get(1)), names("?visibility=private&limit=1000").stream()
                .filter(n -> n.startsWith(prefix)).toList());
        assertEquals(400, get(BASE + "?visibility=shared").statusCode());
        assertEquals(400, get(BASE + "?sort_dir=up").statusCode());
        assertEquals(400, get(BASE + "?limit=-1").statusCode());
        assertEquals(400, get(BASE + "?limit=x").statusCode());
        assertEquals(404, get(BASE + "?marker=" + URLEncoder.encode(unique("Nope"), StandardCharsets.UTF_8))
                .statusCode());
    }

    private static List<String> names(String query) {
        HttpResponse<String> response = get(BASE + query);
        assertEquals(200, response.statusCode(), response.body());
        return strings(json(response));
    }

    private static List<String> strings(JsonObject page) {
        return page.getJsonArray("namespaces").stream()
                .map(v -> ((JsonString) v.asJsonObject().get("namespace")).getString()).toList();
    }
}
