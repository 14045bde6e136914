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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource types and a namespace's associations with them, as Glance 25 answers them: an association creates
 * its resource type, carries a prefix and a properties target, selects namespaces in the namespace listing, and
 * a namespace (or one of its properties) shown for a resource type carries that prefix.
 */
@ExtendWith(GlanceServer.class)
class MetadefResourceTypesIT {

    private static String namespace(String body) {
        String ns = "IT::Types::" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns
                + "\", \"owner\": \"p1\"" + body + "}");
        assertEquals(201, created.statusCode(), created.body());
        return ns;
    }

    private static String associations(String ns) {
        return "/v2/metadefs/namespaces/" + ns + "/resource_types";
    }

    private static List<String> typeNames(HttpResponse<String> response, String member) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray(member).stream().map(v -> v.asJsonObject().getString("name")).toList();
    }

    private static List<String> namespaceNames(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("namespaces").stream()
                .map(v -> v.asJsonObject().getString("namespace")).toList();
    }

    @Test
    void associationsCreateTheirResourceTypeAndSelectNamespaces() {
        String type = "IT::Resource::" + UUID.randomUUID().toString().substring(0, 8);
        String ns = namespace("");
        assertFalse(typeNames(get("/v2/metadefs/resource_types"), "resource_types").contains(type));
        HttpResponse<String> associated = post(associations(ns), "{\"name\": \"" + type + "\", \"prefix\": \"it_\","
                + " \"properties_target\": \"image\"}");
        assertEquals(201, associated.statusCode(), associated.body());
        JsonObject association = json(associated);
        assertEquals("it_", association.getString("prefix"));
        assertEquals("image", association.getString("properties_target"));
        assertTrue(association.containsKey("created_at") && association.containsKey("updated_at"), associated.body());
        assertTrue(typeNames(get("/v2/metadefs/resource_types"), "resource_types").contains(type),
                "the resource type was created with the association");
        assertEquals(List.of(type), typeNames(get(associations(ns)), "resource_type_associations"));

        HttpResponse<String> again = post(associations(ns), "{\"name\": \"" + type + "\"}");
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("The metadata definition resource-type association of resource-type=" + type
                + " to namespace=" + ns + " already exists."), again.body());

        String other = namespace("");
        assertEquals(201, post(associations(other), "{\"name\": \"" + type + "\"}").statusCode());
        JsonObject withoutPrefix = json(get(associations(other))).getJsonArray("resource_type_associations")
                .getJsonObject(0);
        assertFalse(withoutPrefix.containsKey("prefix"), "fields without a value are left out: " + withoutPrefix);
        assertEquals(List.of(other, ns), namespaceNames(get("/v2/metadefs/namespaces?resource_types=" + type)));
        assertEquals(List.of(other, ns), namespaceNames(get("/v2/metadefs/namespaces?resource_types=IT::None,"
                + type)), "any of the listed resource types");
        assertEquals(List.of(), namespaceNames(get("/v2/metadefs/namespaces?resource_types=IT::None")));
        JsonObject listed = json(get("/v2/metadefs/namespaces?resource_types=" + type)).getJsonArray("namespaces")
                .getJsonObject(1);
        assertEquals(type, listed.getJsonArray("resource_type_associations").getJsonObject(0).getString("name"),
                "a listed namespace shows its associations");

        assertEquals(204, delete(associations(other) + "/" + type).statusCode());
        HttpResponse<String> twice = delete(associations(other) + "/" + type);
        assertEquals(404, twice.statusCode());
        assertTrue(twice.body().contains("Failed to find resource type " + type + " to delete"), twice.body());
        assertEquals(List.of(ns), namespaceNames(get("/v2/metadefs/namespaces?resource_types=" + type)));
        assertTrue(typeNames(get("/v2/metadefs/resource_types"), "resource_types").contains(type),
                "a resource type stays when its associations go");

        assertEquals(204, delete("/v2/metadefs/namespaces/" + ns).statusCode());
        assertEquals(List.of(), namespaceNames(get("/v2/metadefs/namespaces?resource_types=" + type)),
                "a deleted namespace's associations go with it");
    }

    @Test
    void aNamespaceShownForAResourceTypeCarriesItsPrefix() {
        String ns = namespace(", \"resource_type_associations\": [{\"name\": \"OS::Glance::Image\", \"prefix\":"
                + " \"hw_\"}, {\"name\": \"OS::Nova::Flavor\", \"prefix\": \"hw:\"}], \"properties\": {\"watchdog\":"
                + " {\"title\": \"Watchdog\", \"type\": \"string\"}}, \"objects\": [{\"name\": \"rng\", \"required\":"
                + " [\"rng_model\"], \"properties\": {\"rng_model\": {\"title\": \"Model\", \"type\": \"string\"}}}]");
        assertEquals(List.of("OS::Glance::Image", "OS::Nova::Flavor"),
                typeNames(get(associations(ns)), "resource_type_associations"), "in the order given");
        JsonObject forImages = json(get("/v2/metadefs/namespaces/" + ns + "?resource_type=OS::Glance::Image"));
        assertTrue(forImages.getJsonObject("properties").containsKey("hw_watchdog"), forImages.toString());
        JsonObject rng = forImages.getJsonArray("objects").getJsonObject(0);
        assertTrue(rng.getJsonObject("properties").containsKey("hw_rng_model"), rng.toString());
        assertEquals("hw_rng_model", rng.getJsonArray("required").getString(0));
        JsonObject forFlavors = json(get("/v2/metadefs/namespaces/" + ns + "?resource_type=OS::Nova::Flavor"));
        assertTrue(forFlavors.getJsonObject("properties").containsKey("hw:watchdog"), forFlavors.toString());
        JsonObject plain = json(get("/v2/metadefs/namespaces/" + ns));
        assertTrue(plain.getJsonObject("properties").containsKey("watchdog"), plain.toString());
        assertEquals(2, plain.getJsonArray("resource_type_associations").size(), plain.toString());

        String property = "/v2/metadefs/namespaces/" + ns + "/properties/";
        HttpResponse<String> prefixed = get(property + "hw_watchdog?resource_type=OS::Glance::Image");
        assertEquals(200, prefixed.statusCode(), prefixed.body());
        assertEquals("watchdog", json(prefixed).getString("name"));
        HttpResponse<String> wrongPrefix = get(property + "watchdog?resource_type=OS::Glance::Image");
        assertEquals(404, wrongPrefix.statusCode());
        assertTrue(wrongPrefix.body().contains("Property watchdog does not start with the expected resource type"
                + " association prefix of 'hw_'."), wrongPrefix.body());
        assertEquals(404, get(property + "hw_watchdog?resource_type=OS::Cinder::Volume").statusCode(),
                "not associated with that resource type");
    }

    @Test
    void associationBodiesAreCheckedAsGlancesSchema() {
        String ns = namespace("");
        HttpResponse<String> noName = post(associations(ns), "{\"prefix\": \"a_\"}");
        assertEquals(400, noName.statusCode());
        assertTrue(noName.body().contains("Provided object does not match schema 'resource_type_association': 'name'"
                + " is a required property"), noName.body());
        assertEquals(400, post(associations(ns), "{\"name\": \"X\", \"colour\": \"red\"}").statusCode());
        assertEquals(400, post(associations(ns), "{\"name\": \"X\", \"prefix\": 7}").statusCode());
        assertEquals(400, post(associations(ns), "{\"name\": \"" + "n".repeat(81) + "\"}").statusCode());
        assertEquals(403, post(associations(ns), "{\"name\": \"X\", \"created_at\": \"now\"}").statusCode());
        assertEquals(404, post("/v2/metadefs/namespaces/IT::Types::none/resource_types", "{\"name\": \"X\"}")
                .statusCode());
        assertEquals(List.of(), typeNames(get(associations(ns)), "resource_type_associations"));
    }
}
