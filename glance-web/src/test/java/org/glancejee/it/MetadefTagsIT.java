package org.glancejee.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.glancejee.it.Api.delete;
import static org.glancejee.it.Api.get;
import static org.glancejee.it.Api.json;
import static org.glancejee.it.Api.post;
import static org.glancejee.it.Api.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A namespace's tags as Glance 25 answers them: one at a time or many at once (replacing, or appending with
 * X-Openstack-Append), unique whatever their case, listed newest first or sorted and paged, renamed, deleted.
 */
@ExtendWith(GlanceServer.class)
class MetadefTagsIT {

    private static String namespace() {
        String ns = "IT::Tags::" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "\", \"owner\": \"p1\"}")
                .statusCode());
        return ns;
    }

    private static String tags(String ns) {
        return "/v2/metadefs/namespaces/" + ns + "/tags";
    }

    private static List<String> names(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("tags").stream()
                .map(v -> ((JsonString) v.asJsonObject().get("name")).getString()).toList();
    }

    @Test
    void tagsAreAddedReplacedAppendedRenamedAndDeleted() {
        String ns = namespace();
        HttpResponse<String> alpha = post(tags(ns) + "/alpha", "");
        assertEquals(201, alpha.statusCode(), alpha.body());
        JsonObject created = json(alpha);
        assertEquals("alpha", created.getString("name"));
        assertTrue(created.containsKey("created_at") && created.containsKey("updated_at"), created.toString());
        HttpResponse<String> again = post(tags(ns) + "/ALPHA", "");
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("A metadata tag with name=ALPHA already exists in namespace=" + ns
                + ". (Please note that metadata tag names are case insensitive)."), again.body());

        HttpResponse<String> replaced = post(tags(ns), "{\"tags\": [{\"name\": \"b1\"}, {\"name\": \"b2\"}]}");
        assertEquals(201, replaced.statusCode(), replaced.body());
        assertEquals(List.of("b1", "b2"), names200(replaced));
        assertEquals(List.of("b2", "b1"), names(get(tags(ns))), "alpha replaced; newest first");

        assertEquals(201, post(tags(ns), "{\"tags\": [{\"name\": \"c1\"}]}", "X-Openstack-Append", "true")
                .statusCode());
        assertEquals(409, post(tags(ns), "{\"tags\": [{\"name\": \"c1\"}]}", "X-Openstack-Append", "true")
                .statusCode());
        assertEquals(409, post(tags(ns), "{\"tags\": [{\"name\": \"d\"}, {\"name\": \"D\"}]}").statusCode());
        assertEquals(List.of("c1", "b2", "b1"), names(get(tags(ns))), "a refused replacement changes nothing");
        assertEquals(List.of("b1"), names(get(tags(ns) + "?limit=1&sort_key=name&sort_dir=asc")));
        assertEquals(List.of("b2"), names(get(tags(ns) + "?limit=1&sort_key=name&sort_dir=asc&marker=b1")));
        assertEquals(List.of("c1", "b2", "b1"), json(get("/v2/metadefs/namespaces/" + ns)).getJsonArray("tags")
                .stream().map(v -> v.asJsonObject().getString("name")).toList(), "a namespace shows its tags");

        HttpResponse<String> renamed = put(tags(ns) + "/b1", "{\"name\": \"b9\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("b9", json(renamed).getString("name"));
        HttpResponse<String> missing = get(tags(ns) + "/b1");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Could not find metadata tag b1"), missing.body());
        assertEquals(409, put(tags(ns) + "/b9", "{\"name\": \"C1\"}").statusCode());
        assertEquals(400, put(tags(ns) + "/b9", "{\"name\": \"x\", \"colour\": \"red\"}").statusCode());
        assertEquals(400, post(tags(ns) + "/" + "t".repeat(81), "").statusCode());

        assertEquals(204, delete(tags(ns) + "/b9").statusCode());
        assertEquals(404, delete(tags(ns) + "/b9").statusCode());
        assertEquals(204, delete(tags(ns)).statusCode());
        assertEquals(List.of(), names(get(tags(ns))));
    }

    @Test
    void aNamespaceIsCreatedWithItsTagsAndDeletedWithThem() {
        String ns = "IT::WithTags::" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "\","
                + " \"owner\": \"p1\", \"tags\": [{\"name\": \"linux\"}, {\"name\": \"windows\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(2, json(created).getJsonArray("tags").size());
        assertEquals(List.of("linux", "windows"), names(get(tags(ns) + "?sort_key=name&sort_dir=asc")));
        assertEquals(204, delete("/v2/metadefs/namespaces/" + ns).statusCode());
        assertEquals(404, get(tags(ns)).statusCode());
    }

    private static List<String> names200(HttpResponse<String> response) {
        return json(response).getJsonArray("tags").stream()
                .map(v -> ((JsonString) v.asJsonObject().get("name")).getString()).toList();
    }
}
