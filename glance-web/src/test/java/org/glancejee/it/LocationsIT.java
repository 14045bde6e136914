package org.glancejee.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.ImageBytes.md5;
import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageBytes.sha512;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images whose data lives at an http URL (the read-only http store), registered through PATCH with
 * show_multiple_locations or through the locations API of 2.17, from a web server on loopback that the
 * import filtering allows, and nothing else.
 */
@ExtendWith(GlanceServer.class)
class LocationsIT {
    private static final byte[] DATA = randomData(1 << 20, 951);
    private static final byte[] OTHER = randomData(4000, 952);
    private static final HttpServer WEB = startWeb();
    private static final String BASE = "http://127.0.0.1:" + WEB.getAddress().getPort();

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("locations", Map.of(
            "GLANCE_ENABLED_BACKENDS", "local:file,web:http",
            "GLANCE_GLANCE_STORE_DEFAULT_BACKEND", "local",
            "GLANCE_SHOW_MULTIPLE_LOCATIONS", "true",
            "GLANCE_IMPORT_FILTERING_OPTS_ALLOWED_HOSTS", "127.0.0.1",
            "GLANCE_IMPORT_FILTERING_OPTS_ALLOWED_PORTS", String.valueOf(WEB.getAddress().getPort())));

    @AfterAll
    static void stopWeb() {
        WEB.stop(0);
    }

    @Test
    void addingALocationToAQueuedImageMakesItActiveAndServesItsData() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("patch-location");
        HttpResponse<String> patched = patch(api, id, "[{\"op\": \"add\", \"path\": \"/locations/-\", \"value\":"
                + " {\"url\": \"" + BASE + "/data\", \"metadata\": {}}}]");
        assertEquals(200, patched.statusCode(), patched.body());
        JsonObject image = Api.json(patched);
        assertEquals("active", image.getString("status"));
        assertEquals(DATA.length, image.getJsonNumber("size").longValue());
        assertEquals("web", image.getString("stores"));
        JsonArray locations = image.getJsonArray("locations");
        assertEquals(BASE + "/data", locations.getJsonObject(0).getString("url"));
        assertEquals("web", locations.getJsonObject(0).getJsonObject("metadata").getString("store"));
        assertArrayEquals(DATA, api.download(id).body());

        assertEquals(400, patch(api, id, addLocation(BASE + "/data", "")).statusCode(), "the same URL twice");
        assertEquals(200, patch(api, id, addLocation(BASE + "/other", "")).statusCode());
        assertEquals(2, api.show(id).getJsonArray("locations").size());
        assertEquals(200, patch(api, id, "[{\"op\": \"remove\", \"path\": \"/locations/1\"}]").statusCode());
        HttpResponse<String> last = patch(api, id, "[{\"op\": \"remove\", \"path\": \"/locations/0\"}]");
        assertEquals(403, last.statusCode(), last.body());
        assertTrue(last.body().contains("Cannot remove last location"), last.body());
    }

    @Test
    void validationDataIsRecordedOnlyWhenWellFormed() {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("patch-validation");
        HttpResponse<String> wrongAlgorithm = patch(api, id, addLocation(BASE + "/data",
                ", \"validation_data\": {\"checksum\": \"" + md5(DATA) + "\", \"os_hash_algo\": \"sha256\","
                        + " \"os_hash_value\": \"" + sha512(DATA) + "\"}"));
        assertEquals(409, wrongAlgorithm.statusCode(), wrongAlgorithm.body());
        assertTrue(wrongAlgorithm.body().contains("os_hash_algo must be sha512"), wrongAlgorithm.body());
        assertEquals("queued", api.status(id));
        HttpResponse<String> vouched = patch(api, id, addLocation(BASE + "/data",
                ", \"validation_data\": {\"checksum\": \"" + md5(DATA) + "\", \"os_hash_algo\": \"sha512\","
                        + " \"os_hash_value\": \"" + sha512(DATA) + "\"}"));
        assertEquals(200, vouched.statusCode(), vouched.body());
        JsonObject image = Api.json(vouched);
        assertEquals(md5(DATA), image.getString("checksum"));
        assertEquals(sha512(DATA), image.getString("os_hash_value"));
    }

    @Test
    void urlsOutsideEveryStoreOrTheFilteringAreRefused() {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("patch-refused");
        for (String url : new String[] {"ftp://127.0.0.1/data", "http://169.254.169.254/latest/meta-data",
                "http://10.1.2.3/image", "file:///etc/passwd"}) {
            HttpResponse<String> refused = patch(api, id, addLocation(url, ""));
            assertEquals(400, refused.statusCode(), url + ": " + refused.body());
        }
        String withCredentials = BASE.replace("://", "://reader:s3cr3t@") + "/data";
        for (HttpResponse<String> refused : List.of(patch(api, id, addLocation(withCredentials, "")),
                api.postJson("/v2/images/" + id + "/locations", "{\"url\": \"" + withCredentials + "\"}"))) {
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("cannot carry credentials"), refused.body());
            assertFalse(refused.body().contains("s3cr3t"), "never echoed: " + refused.body());
        }
        assertEquals("queued", api.status(id));
    }

    @Test
    void theLocationsApiHashesTheDataBeforeTheImageTurnsActive() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("location-api");
        HttpResponse<String> accepted = api.postJson("/v2/images/" + id + "/locations", "{\"url\": \"" + BASE
                + "/data\", \"validation_data\": {\"os_hash_algo\": \"sha512\", \"os_hash_value\": \""
                + sha512(DATA) + "\"}}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("active", api.awaitStatus(id, "active", Duration.ofSeconds(30)));
        JsonObject image = api.show(id);
        assertEquals(md5(DATA), image.getString("checksum"));
        assertEquals(sha512(DATA), image.getString("os_hash_value"));
        assertEquals(DATA.length, image.getJsonNumber("size").longValue());
        JsonObject task = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0);
        assertEquals("location_import", task.getString("type"));
        assertEquals("success", task.getString("status"));
        assertEquals(409, api.postJson("/v2/images/" + id + "/locations", "{\"url\": \"" + BASE + "/other\"}")
                .statusCode(), "only a queued image takes a location this way");
        // noauth acts as an all-powerful admin; with Keystone, fetch_image_location wants the service role.
        HttpResponse<String> listed = api.get("/v2/images/" + id + "/locations");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonArray locations = jakarta.json.Json.createReader(new java.io.StringReader(listed.body())).readArray();
        assertEquals(BASE + "/data", locations.getJsonObject(0).getString("url"));
        assertEquals("web", locations.getJsonObject(0).getJsonObject("metadata").getString("store"));
    }

    @Test
    void dataThatDoesNotHashToWhatWasVouchedLeavesTheImageQueued() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("location-mismatch");
        HttpResponse<String> accepted = api.postJson("/v2/images/" + id + "/locations", "{\"url\": \"" + BASE
                + "/other\", \"validation_data\": {\"os_hash_algo\": \"sha512\", \"os_hash_value\": \""
                + sha512(DATA) + "\"}}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject task;
        do {
            Thread.sleep(100);
            task = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0);
        } while (!task.getString("status").equals("failure") && System.nanoTime() < deadline);
        assertEquals("failure", task.getString("status"), task.toString());
        assertTrue(task.getString("message").contains("hash verification failed"), task.toString());
        JsonObject image = api.show(id);
        assertEquals("queued", image.getString("status"));
        assertEquals(0, image.getJsonArray("locations").size());

        assertEquals(400, api.postJson("/v2/images/" + id + "/locations", "{\"url\": \"" + BASE
                + "/data\", \"validation_data\": {\"os_hash_algo\": \"sha512\"}}").statusCode());
        assertEquals(400, api.postJson("/v2/images/" + id + "/locations", "{\"url\": \"" + BASE
                + "/data\", \"validation_data\": {\"os_hash_algo\": \"sha512\", \"os_hash_value\": \"abc\"}}")
                .statusCode());
    }

    private static String addLocation(String url, String extra) {
        return "[{\"op\": \"add\", \"path\": \"/locations/-\", \"value\": {\"url\": \"" + url
                + "\", \"metadata\": {}" + extra + "}}]";
    }

    private static HttpResponse<String> patch(ImageBytes api, String id, String body) {
        return api.send("PATCH", "/v2/images/" + id, body);
    }

    private static HttpServer startWeb() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/data", exchange -> serve(exchange, DATA));
            server.createContext("/other", exchange -> serve(exchange, OTHER));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }
}
