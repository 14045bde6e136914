package org.glancejee.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * web-download from an HTTP server on loopback that this test starts, with the server's import filtering
 * configured to allow exactly that host and port (and a 6 MiB image_size_cap). Everything else a user might
 * point the server at (its own other ports, the metadata service, private networks) is refused.
 */
@ExtendWith(GlanceServer.class)
class ImageWebDownloadIT {
    private static final int MIB = 1 << 20;
    private static final byte[] IMAGE = randomData(5 * MIB + 3, 701);
    private static final List<String> SERVED = new CopyOnWriteArrayList<>();
    private static final HttpServer WEB = startWeb();
    private static final String BASE = "http://127.0.0.1:" + WEB.getAddress().getPort();

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("web_download", Map.of(
            "GLANCE_IMPORT_FILTERING_OPTS_ALLOWED_HOSTS", "127.0.0.1",
            "GLANCE_IMPORT_FILTERING_OPTS_ALLOWED_PORTS", String.valueOf(WEB.getAddress().getPort()),
            "GLANCE_IMAGE_SIZE_CAP", String.valueOf(6 * MIB)));

    @AfterAll
    static void stopWeb() {
        WEB.stop(0);
    }

    @Test
    void downloadsTheImageByteForByte() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("web-download");
        HttpResponse<String> accepted = importFrom(api, id, BASE + "/images/cirros.raw");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("active", api.awaitStatus(id, "active", Duration.ofSeconds(60)));
        ImageDataIT.assertRecorded(api.show(id), IMAGE);
        assertArrayEquals(IMAGE, api.download(id).body());
        JsonObject task = onlyTask(api, id);
        assertEquals("success", task.getString("status"));
        assertEquals(BASE + "/images/cirros.raw", task.getJsonObject("input").getJsonObject("import_req")
                .getJsonObject("method").getString("uri"));
    }

    @Test
    void theGlanceClientImportsFromTheWeb() throws Exception {
        ImageBytes api = SERVER.api();
        String created = Cli.glance(api.base()).run("image-create-via-import", "--name", "web-download-cli",
                "--disk-format", "raw", "--container-format", "bare", "--import-method", "web-download",
                "--uri", BASE + "/images/cirros.raw").ok().stdout();
        Matcher id = Pattern.compile("\\|\\s*id\\s*\\|\\s*([0-9a-f-]{36})\\s*\\|").matcher(created);
        assertTrue(id.find(), created);
        assertEquals("active", api.awaitStatus(id.group(1), "active", Duration.ofSeconds(60)));
        assertArrayEquals(IMAGE, api.download(id.group(1)).body());
    }

    @Test
    void forbiddenDestinationsAreRefusedBeforeAnythingIsFetched() {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("web-download-refused");
        int served = SERVED.size();
        for (String uri : List.of(
                "http://127.0.0.1:" + SERVER.api().base().getPort() + "/v2/images",
                "http://localhost:" + WEB.getAddress().getPort() + "/images/cirros.raw",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/image.raw",
                "http://2130706433:" + WEB.getAddress().getPort() + "/images/cirros.raw",
                "ftp://127.0.0.1:" + WEB.getAddress().getPort() + "/images/cirros.raw",
                "file:///etc/passwd")) {
            HttpResponse<String> refused = importFrom(api, id, uri);
            assertEquals(400, refused.statusCode(), uri + ": " + refused.body());
            assertTrue(refused.body().contains("URI for web-download does not pass filtering"), refused.body());
        }
        assertEquals(served, SERVED.size(), "nothing was fetched");
        assertEquals("queued", api.status(id));
    }

    @Test
    void aRedirectToAForbiddenPlaceFailsTheTaskAndLeavesTheImageQueued() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("web-download-redirect");
        assertEquals(202, importFrom(api, id, BASE + "/to-metadata").statusCode());
        JsonObject task = awaitFinished(api, id);
        assertEquals("failure", task.getString("status"), task.toString());
        assertTrue(task.getString("message").contains("does not pass filtering"), task.toString());
        JsonObject image = api.show(id);
        assertEquals("queued", image.getString("status"));
        assertFalse(image.containsKey("os_glance_import_task"));
    }

    @Test
    void moreThanTheSizeCapFailsTheTaskAndKeepsNothing() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("web-download-too-big");
        assertEquals(202, importFrom(api, id, BASE + "/images/huge.raw").statusCode());
        JsonObject task = awaitFinished(api, id);
        assertEquals("failure", task.getString("status"), task.toString());
        assertTrue(task.getString("message").contains("too large"), task.toString());
        assertEquals("queued", api.status(id));
        assertEquals(List.of(), ImageBytes.storeFiles(SERVER.store(), id));
    }

    @Test
    void theTasksApisLegacyImportCreatesAndFillsAnImage() throws Exception {
        ImageBytes api = SERVER.api();
        HttpResponse<String> created = api.postJson("/v2/tasks", "{\"type\": \"import\", \"input\": {"
                + "\"import_from\": \"" + BASE + "/images/cirros.raw\", \"import_from_format\": \"raw\","
                + " \"image_properties\": {\"name\": \"legacy-import\", \"disk_format\": \"raw\","
                + " \"container_format\": \"bare\"}}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject task = Api.json(created);
        assertEquals("import", task.getString("type"));
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/v2/tasks/" + task.getString("id")));
        assertEquals(BASE + "/images/cirros.raw", task.getJsonObject("input").getString("import_from"));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject shown = Api.json(api.get("/v2/tasks/" + task.getString("id")));
        while (!shown.getString("status").equals("success") && System.nanoTime() < deadline) {
            assertFalse(shown.getString("status").equals("failure"), shown.toString());
            Thread.sleep(100);
            shown = Api.json(api.get("/v2/tasks/" + task.getString("id")));
        }
        String imageId = shown.getJsonObject("result").getString("image_id");
        JsonObject image = api.show(imageId);
        assertEquals("legacy-import", image.getString("name"));
        ImageDataIT.assertRecorded(image, IMAGE);
        assertArrayEquals(IMAGE, api.download(imageId).body());
    }

    @Test
    void legacyImportTasksAreCheckedBeforeAnythingIsCreated() {
        ImageBytes api = SERVER.api();
        assertEquals(400, api.postJson("/v2/tasks", "{\"type\": \"import\"}").statusCode());
        assertEquals(400, api.postJson("/v2/tasks", "{\"input\": {}}").statusCode());
        assertEquals(400, api.postJson("/v2/tasks", "{\"type\": \"api_image_import\", \"input\": {}}")
                .statusCode());
        HttpResponse<String> forbidden = api.postJson("/v2/tasks", "{\"type\": \"import\", \"input\": {"
                + "\"import_from\": \"http://169.254.169.254/\", \"image_properties\": {\"name\": \"x\"}}}");
        assertEquals(400, forbidden.statusCode(), forbidden.body());
        assertTrue(forbidden.body().contains("does not pass filtering"), forbidden.body());
    }

    private static HttpResponse<String> importFrom(ImageBytes api, String id, String uri) {
        return api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"web-download\", \"uri\": \"" + uri + "\"}}");
    }

    private static JsonObject onlyTask(ImageBytes api, String id) {
        return Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0);
    }

    private static JsonObject awaitFinished(ImageBytes api, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject task = onlyTask(api, id);
        while (!List.of("success", "failure").contains(task.getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            task = onlyTask(api, id);
        }
        return task;
    }

    private static HttpServer startWeb() {
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            web.createContext("/", ImageWebDownloadIT::serve);
            web.start();
            return web;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        SERVED.add(path);
        switch (path) {
            case "/images/cirros.raw" -> send(exchange, IMAGE, 1);
            case "/images/huge.raw" -> send(exchange, IMAGE, 2);
            case "/to-metadata" -> {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            }
            default -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        }
    }

    /** The image {@code times} over, chunked (no length announced). */
    private static void send(HttpExchange exchange, byte[] data, int times) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < times; i++) {
                out.write(data);
            }
        }
    }
}
