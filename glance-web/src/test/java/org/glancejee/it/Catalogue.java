package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the image catalogue holds, seen through the API: unique names so tests never see each other's
 * images, counts to prove a refused request wrote nothing, and JSON body builders.
 */
final class Catalogue {
    private Catalogue() {
    }

    /** A name no other test uses. */
    static String uniqueName(String label) {
        return "it-" + label + "-" + UUID.randomUUID();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Creates an image with a unique name (plus the given extra fields) and returns its view. */
    static JsonObject createNamed(String label, JsonObjectBuilder extra) {
        return Api.createImage(extra.add("name", uniqueName(label)).build().toString());
    }

    static JsonObject createNamed(String label) {
        return createNamed(label, Json.createObjectBuilder());
    }

    static JsonObject show(String id) {
        HttpResponse<String> response = Api.get("/v2/images/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response);
    }

    /** How many images the catalogue lists, hidden ones included, walking every page. */
    static int count() {
        return countListed("/v2/images?limit=1000") + countListed("/v2/images?limit=1000&os_hidden=true");
    }

    /** How many listed images carry this exact name. */
    static int countNamed(String name) {
        String q = URLEncoder.encode(name, StandardCharsets.UTF_8);
        return countListed("/v2/images?limit=1000&name=" + q)
                + countListed("/v2/images?limit=1000&os_hidden=true&name=" + q);
    }

    private static int countListed(String first) {
        int total = 0;
        String page = first;
        while (page != null) {
            HttpResponse<String> response = Api.get(page);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject body = Api.json(response);
            total += body.getJsonArray("images").size();
            page = body.containsKey("next") ? body.getString("next") : null;
        }
        return total;
    }

    /**
     * Runs a request that must be refused and checks it left the catalogue as it was: the same number
     * of images, and none with {@code name} (when one is given).
     */
    static HttpResponse<String> refusedWithoutTrace(String name, Supplier<HttpResponse<String>> request) {
        int before = count();
        HttpResponse<String> response = request.get();
        assertEquals(before, count(), "a refused request changed the number of images: " + response.body());
        if (name != null) {
            assertEquals(0, countNamed(name), "a refused request left an image named " + name);
        }
        return response;
    }

    static JsonArrayBuilder strings(String prefix, int count) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            array.add(prefix + i);
        }
        return array;
    }

    /** A JSON-Patch body in the v2.1 (RFC 6902) form. */
    static String patch21(JsonObjectBuilder... operations) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObjectBuilder op : operations) {
            array.add(op);
        }
        return array.build().toString();
    }

    static JsonObjectBuilder op(String op, String path) {
        return Json.createObjectBuilder().add("op", op).add("path", path);
    }

    static JsonObjectBuilder op(String op, String path, String value) {
        return op(op, path).add("value", value);
    }
}
