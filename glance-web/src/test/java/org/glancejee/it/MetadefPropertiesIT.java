package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
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
 * A namespace's property definitions, as Glance 25 answers them: JSON-Schema fragments with a title and a type,
 * created alone or with their namespace, shown, renamed, deleted one by one or all at once, and refused with
 * 400 when the property schema does not allow them.
 */
@ExtendWith(GlanceServer.class)
class MetadefPropertiesIT {

    private static String namespace() {
        String ns = "IT::Props::" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "\", \"owner\": \"p1\"}")
                .statusCode());
        return ns;
    }

    private static String properties(String ns) {
        return "/v2/metadefs/namespaces/" + ns + "/properties";
    }

    @Test
    void aPropertyIsCreatedShownRenamedAndDeleted() {
        String ns = namespace();
        HttpResponse<String> created = post(properties(ns), "{\"name\": \"cpu\", \"title\": \"CPU\","
                + " \"type\": \"integer\", \"minimum\": 1, \"maximum\": 8, \"description\": \"n\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject cpu = json(created);
        assertEquals("cpu", cpu.getString("name"));
        assertEquals("CPU", cpu.getString("title"));
        assertEquals("integer", cpu.getString("type"));
        assertEquals(8, cpu.getInt("maximum"));
        assertEquals(cpu, json(get(properties(ns) + "/cpu")));
        assertEquals(cpu, json(get(properties(ns))).getJsonObject("properties").getJsonObject("cpu"));
        assertEquals(cpu, json(get("/v2/metadefs/namespaces/" + ns)).getJsonObject("properties").getJsonObject("cpu"),
                "a namespace shows its properties");
        assertFalse(json(get("/v2/metadefs/namespaces?limit=1000")).getJsonArray("namespaces").stream()
                .map(v -> v.asJsonObject()).filter(n -> n.getString("namespace").equals(ns)).findFirst().orElseThrow()
                .containsKey("properties"), "a listing does not");

        JsonObject defaults = json(post(properties(ns), "{\"name\": \"cores\", \"title\": \"Cores\","
                + " \"type\": \"integer\", \"default\": 8}"));
        assertEquals("8", defaults.getString("default"), "Glance shows a default as text");
        assertEquals("True", json(post(properties(ns), "{\"name\": \"rng\", \"title\": \"RNG\","
                + " \"type\": \"boolean\", \"default\": true}")).getString("default"), "as Python writes it");
        assertEquals("8", json(get("/v2/metadefs/namespaces/" + ns)).getJsonObject("properties")
                .getJsonObject("cores").getString("default"));
        assertEquals(List.of("x"), json(post(properties(ns), "{\"name\": \"list\", \"title\": \"List\","
                + " \"type\": \"array\", \"items\": {\"type\": \"string\"}, \"default\": [\"x\"]}"))
                .getJsonArray("default").getValuesAs(jakarta.json.JsonString::getString),
                "a list default kept (Glance shows null, losing it)");

        HttpResponse<String> again = post(properties(ns), "{\"name\": \"cpu\", \"title\": \"CPU\", \"type\": \"integer\"}");
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("A metadata definition property with name=cpu already exists in namespace="
                + ns + "."), again.body());

        HttpResponse<String> renamed = put(properties(ns) + "/cpu", "{\"name\": \"vcpu\", \"title\": \"vCPU\","
                + " \"type\": \"integer\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("vCPU", json(renamed).getString("title"));
        assertFalse(json(renamed).containsKey("maximum"), "a PUT replaces the definition");
        HttpResponse<String> gone = get(properties(ns) + "/cpu");
        assertEquals(404, gone.statusCode());
        assertTrue(gone.body().contains("Could not find property cpu"), gone.body());
        assertEquals(204, delete(properties(ns) + "/vcpu").statusCode());
        assertEquals(404, delete(properties(ns) + "/vcpu").statusCode());
        assertEquals(Set.of("cores", "rng", "list"), json(get(properties(ns))).getJsonObject("properties").keySet());
    }

    @Test
    void aNamespaceCreatedWithPropertiesKeepsThemAndDeletingThemAllEmptiesIt() {
        String ns = "IT::WithProps::" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "\","
                + " \"owner\": \"p1\", \"properties\": {\"os_distro\": {\"title\": \"OS\", \"type\": \"string\","
                + " \"enum\": [\"debian\", \"ubuntu\"]}, \"hw_rng\": {\"title\": \"RNG\", \"type\": \"boolean\"}}}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(Set.of("os_distro", "hw_rng"), json(created).getJsonObject("properties").keySet());
        JsonObject shown = json(get(properties(ns))).getJsonObject("properties");
        assertEquals("OS", shown.getJsonObject("os_distro").getString("title"));
        assertFalse(shown.getJsonObject("os_distro").containsKey("name"),
                "listed as given with the namespace, as Glance lists it: " + shown);
        assertEquals(2, shown.getJsonObject("os_distro").getJsonArray("enum").size());

        JsonObject whole = json(get("/v2/metadefs/namespaces/" + ns));
        JsonObject sentBack = jakarta.json.Json.createObjectBuilder(whole).remove("self").remove("schema")
                .remove("created_at").remove("updated_at").add("description", "changed").build();
        HttpResponse<String> replaced = put("/v2/metadefs/namespaces/" + ns, sentBack.toString());
        assertEquals(200, replaced.statusCode(), "a PUT of the namespace as read, contents included: "
                + replaced.body());
        assertEquals(2, json(get(properties(ns))).getJsonObject("properties").size(), "its properties stay");

        assertEquals(204, delete(properties(ns)).statusCode());
        assertEquals(0, json(get(properties(ns))).getJsonObject("properties").size());
        assertEquals(204, delete("/v2/metadefs/namespaces/" + ns).statusCode(), "then the namespace goes");
        assertEquals(404, get(properties(ns)).statusCode());
        assertTrue(get(properties(ns)).body().contains("Namespace " + ns + " not found"));
    }

    @Test
    void definitionsThePropertySchemaRefusesAreRefused() {
        String ns = namespace();
        assertEquals(400, post(properties(ns), "{\"name\": \"x\", \"title\": \"X\", \"type\": \"strange\"}").statusCode());
        assertEquals(400, post(properties(ns), "{\"name\": \"x\", \"title\": \"X\", \"type\": \"null\"}").statusCode());
        assertEquals(400, post(properties(ns), "{\"name\": \"x\", \"type\": \"string\"}").statusCode(), "title");
        assertEquals(400, post(properties(ns), "{\"title\": \"X\", \"type\": \"string\"}").statusCode(), "name");
        HttpResponse<String> extra = post(properties(ns), "{\"name\": \"x\", \"title\": \"X\", \"type\": \"string\","
                + " \"color\": \"red\"}");
        assertEquals(400, extra.statusCode());
        assertTrue(extra.body().contains("Additional properties are not allowed ('color' was unexpected)"),
                extra.body());
        assertEquals(400, post(properties(ns), "{\"name\": \"x\", \"title\": \"X\", \"type\": \"string\","
                + " \"maxLength\": -1}").statusCode());
        assertEquals(400, post(properties(ns), "{\"name\": \"x\", \"title\": \"X\", \"type\": \"string\","
                + " \"pattern\": \"([a-z\"}").statusCode());
        assertEquals(400, post(properties(ns), "{\"name\": \"x\", \"title\": \"X\", \"type\": \"array\","
                + " \"items\": {\"type\": \"colour\"}}").statusCode());
        assertEquals(400, post(properties(ns), "{\"name\": \"x\", \"title\": 5, \"type\": \"string\"}").statusCode());
        assertEquals(400, post("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns + "-2\", \"properties\":"
                + " {\"p\": {\"type\": \"string\"}}}").statusCode(), "a namespace's embedded definitions too");
        assertEquals(404, get("/v2/metadefs/namespaces/" + ns + "-2").statusCode(), "and nothing was created");
        assertEquals(404, post("/v2/metadefs/namespaces/IT::Missing/properties", "{\"name\": \"x\", \"title\": \"X\","
                + " \"type\": \"string\"}").statusCode());
        assertEquals(0, json(get(properties(ns))).getJsonObject("properties").size(), "nothing was added");
    }
}
