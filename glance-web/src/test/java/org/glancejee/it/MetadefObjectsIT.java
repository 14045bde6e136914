package org.glancejee.it;

import jakarta.json.JsonObject;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A namespace's objects (named groups of property definitions) as Glance 25 answers them: created alone or with
 * their namespace, shown with every field, replaced whole, renamed, listed by name, deleted one by
 * one or all at once; bodies checked as Glance's object schema checks them.
 */
@ExtendWith(GlanceServer.class)
class MetadefObjectsIT {

    private static String namespace(String body) {
        String ns = "IT::Objects::" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns
                + "\", \"owner\": \"p1\"" + body + "}");
        assertEquals(201, created.statusCode(), created.body());
        return ns;
    }

    private static String objects(String ns) {
        return "/v2/metadefs/namespaces/" + ns + "/objects";
    }

    private static List<String> names(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("objects").stream().map(v -> v.asJsonObject().getString("name")).toList();
    }

    @Test
    void objectsAreCreatedShownReplacedListedAndDeleted() {
        String ns = namespace("");
        HttpResponse<String> created = post(objects(ns), "{\"name\": \"disk\", \"description\": \"A disk\","
                + " \"required\": [\"bus\"], \"properties\": {\"bus\": {\"title\": \"Bus\", \"type\": \"string\","
                + " \"enum\": [\"virtio\", \"scsi\"]}, \"size\": {\"title\": \"Size\", \"type\": \"integer\","
                + " \"minimum\": 1}}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject disk = json(created);
        assertEquals("disk", disk.getString("name"));
        assertEquals(List.of("bus"), disk.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("integer", disk.getJsonObject("properties").getJsonObject("size").getString("type"));
        assertEquals("/v2/metadefs/namespaces/" + ns + "/objects/disk", disk.getString("self"));
        assertEquals("/v2/schemas/metadefs/object", disk.getString("schema"));
        assertTrue(disk.containsKey("created_at") && disk.containsKey("updated_at"), disk.toString());

        HttpResponse<String> bare = post(objects(ns), "{\"name\": \"nic\"}");
        assertEquals(201, bare.statusCode(), bare.body());
        assertFalse(json(bare).containsKey("required"), "a create answers with the fields given: " + bare.body());
        JsonObject nic = json(get(objects(ns) + "/nic"));
        assertEquals(0, nic.getJsonArray("required").size(), "shown with every field: " + nic);
        assertEquals(0, nic.getJsonObject("properties").size(), nic.toString());
        assertFalse(nic.containsKey("description"), nic.toString());

        HttpResponse<String> duplicate = post(objects(ns), "{\"name\": \"nic\"}");
        assertEquals(409, duplicate.statusCode());
        assertTrue(duplicate.body().contains("A metadata definition object with name=nic already exists in namespace="
                + ns + "."), duplicate.body());

        assertEquals(List.of("disk", "nic"), names(get(objects(ns))), "by name");
        assertEquals(List.of("nic", "disk"), names(get(objects(ns) + "?sort_key=name&sort_dir=desc")));
        assertEquals(List.of("nic"), names(get(objects(ns) + "?limit=1&marker=disk")));
        JsonObject listing = json(get(objects(ns)));
        assertEquals("v2/schemas/metadefs/objects", listing.getString("schema"), "Glance's, without the slash");

        HttpResponse<String> replaced = put(objects(ns) + "/nic", "{\"name\": \"network\", \"properties\":"
                + " {\"model\": {\"title\": \"Model\", \"type\": \"string\"}}}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("network", json(replaced).getString("name"));
        assertEquals(404, get(objects(ns) + "/nic").statusCode(), "renamed");
        assertEquals("Model", json(get(objects(ns) + "/network")).getJsonObject("properties")
                .getJsonObject("model").getString("title"));
        HttpResponse<String> clash = put(objects(ns) + "/network", "{\"name\": \"disk\"}");
        assertEquals(409, clash.statusCode(), clash.body());
        assertEquals(200, put(objects(ns) + "/disk", "{\"name\": \"disk\"}").statusCode());
        JsonObject cleared = json(get(objects(ns) + "/disk"));
        assertEquals(0, cleared.getJsonArray("required").size(), "a PUT replaces the whole object: " + cleared);
        assertEquals(0, cleared.getJsonObject("properties").size(), cleared.toString());
        assertFalse(cleared.containsKey("description"), cleared.toString());

        assertEquals(List.of("disk", "network"), json(get("/v2/metadefs/namespaces/" + ns)).getJsonArray("objects")
                .stream().map(v -> v.asJsonObject().getString("name")).toList(), "a namespace shows its objects");

        assertEquals(204, delete(objects(ns) + "/network").statusCode());
        HttpResponse<String> gone = get(objects(ns) + "/network");
        assertEquals(404, gone.statusCode());
        assertTrue(gone.body().contains("Could not find metadata object network"), gone.body());
        assertEquals(404, delete(objects(ns) + "/network").statusCode());
        assertEquals(204, delete(objects(ns)).statusCode());
        assertEquals(List.of(), names(get(objects(ns))));
        assertFalse(json(get("/v2/metadefs/namespaces/" + ns)).containsKey("objects"));
        HttpResponse<String> noNamespace = get("/v2/metadefs/namespaces/IT::Objects::none/objects/x");
        assertEquals(404, noNamespace.statusCode());
    }

    @Test
    void objectBodiesAreCheckedAsGlancesObjectSchema() {
        String ns = namespace("");
        assertRefused(400, post(objects(ns), "{\"description\": \"no name\"}"), "'name' is a required property");
        assertRefused(400, post(objects(ns), "{\"name\": \"o\", \"colour\": 1}"),
                "Additional properties are not allowed ('colour' was unexpected)");
        assertRefused(400, post(objects(ns), "{\"name\": \"o\", \"properties\": {\"x\": {\"type\": \"integer\"}}}"),
                "Provided object does not match schema 'object': 'title' is a required property");
        assertRefused(400, post(objects(ns), "{\"name\": \"o\", \"properties\": {\"x\": {\"title\": \"X\","
                + " \"type\": \"colour\"}}}"), "'colour' is not one of");
        assertRefused(400, post(objects(ns), "{\"name\": \"o\", \"required\": [\"a\", \"a\"]}"), "distinct");
        assertRefused(400, post(objects(ns), "{\"name\": \"" + "n".repeat(81) + "\"}"), "80 characters");
        assertRefused(403, post(objects(ns), "{\"name\": \"o\", \"self\": \"x\"}"), "Attribute 'self' is read-only.");
        assertRefused(400, put(objects(ns) + "/o", "{\"description\": \"x\"}"), "'name' is a required property");
        assertEquals(List.of(), names(get(objects(ns))), "nothing was created");
        assertRefused(400, get(objects(ns) + "?sort_dir=up"), "Invalid sort direction: up");
        assertRefused(400, get(objects(ns) + "?limit=0"), "limit param must be positive");
        assertEquals(201, post(objects(ns), "{\"name\": \"o\", \"required\": []}").statusCode(),
                "an empty list of required properties is allowed");
    }

    @Test
    void objectsComeWithTheirNamespaceAndGoWithIt() {
        String ns = namespace(", \"objects\": [{\"name\": \"second\", \"required\": [\"b\"]}, {\"name\": \"first\","
                + " \"properties\": {\"a\": {\"title\": \"A\", \"type\": \"string\"}}}]");
        assertEquals(List.of("first", "second"), names(get(objects(ns))), "listed by name, as Glance lists them");
        assertEquals(List.of("first", "second"), json(get("/v2/metadefs/namespaces/" + ns)).getJsonArray("objects")
                .stream().map(v -> v.asJsonObject().getString("name")).toList(), "and shown so with the namespace");
        assertEquals(List.of("b"), json(get(objects(ns) + "/second")).getJsonArray("required")
                .getValuesAs(jakarta.json.JsonString::getString));
        HttpResponse<String> twice = post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "::2\","
                + " \"objects\": [{\"name\": \"o\"}, {\"name\": \"o\"}]}");
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals(404, get("/v2/metadefs/namespaces/" + ns + "::2").statusCode(), "all or nothing");
        HttpResponse<String> badObject = post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "::3\","
                + " \"objects\": [{\"name\": \"o\", \"properties\": {\"x\": {\"type\": \"string\"}}}]}");
        assertEquals(400, badObject.statusCode(), badObject.body());
        assertEquals(404, get("/v2/metadefs/namespaces/" + ns + "::3").statusCode());

        assertEquals(204, delete("/v2/metadefs/namespaces/" + ns).statusCode());
        assertEquals(201, post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "\"}").statusCode());
        assertEquals(List.of(), names(get(objects(ns))), "the namespace's objects went with it");
    }

    private static void assertRefused(int status, HttpResponse<String> response, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
    }
}
