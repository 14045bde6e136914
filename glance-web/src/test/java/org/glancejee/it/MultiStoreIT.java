package org.glancejee.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several stores (enabled_backends): two file stores, a read-only http store and a file store that cannot be
 * set up. Store discovery, uploads and imports to a chosen store, copy-image, deleting one store's copy,
 * downloads falling back to another copy, and the location views an operator can turn on.
 */
@ExtendWith(GlanceServer.class)
class MultiStoreIT {
    private static final int MIB = 1 << 20;
    private static final Duration IMPORT = Duration.ofSeconds(60);
    private static final byte[] WEB_IMAGE = randomData(MIB + 5, 811);
    private static final HttpServer WEB = startWeb();
    private static final int JMX_PORT = Jmx.freePort();

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("multi_store", Map.ofEntries(
            Map.entry("GLANCE_ENABLED_BACKENDS", "fast:file, cheap:file, web:http, broken:file"),
            Map.entry("GLANCE_GLANCE_STORE_DEFAULT_BACKEND", "fast"),
            Map.entry("GLANCE_FAST_STORE_DESCRIPTION", "Fast filesystem store"),
            Map.entry("GLANCE_FAST_WEIGHT", "100"),
            Map.entry("GLANCE_CHEAP_STORE_DESCRIPTION", "Second filesystem store"),
            Map.entry("GLANCE_WEB_STORE_DESCRIPTION", "Read-only HTTP store"),
            // A directory below a regular file can never be created: this store fails to set up.
            Map.entry("GLANCE_BROKEN_FILESYSTEM_STORE_DATADIR", "/dev/null/images"),
            Map.entry("GLANCE_SHOW_IMAGE_DIRECT_URL", "true"),
            Map.entry("GLANCE_SHOW_MULTIPLE_LOCATIONS", "true"),
            Map.entry("GLANCE_IMPORT_FILTERING_OPTS_ALLOWED_HOSTS", "127.0.0.1"),
            Map.entry("GLANCE_IMPORT_FILTERING_OPTS_ALLOWED_PORTS", String.valueOf(WEB.getAddress().getPort()))),
            Jmx.serverOptions(JMX_PORT));

    @AfterAll
    static void stopWeb() {
        WEB.stop(0);
    }

    @Test
    void theMultiStoreApiVersionsAreOffered() {
        JsonArray versions = Api.json(SERVER.api().get("/versions")).getJsonArray("versions");
        java.util.List<String> ids = versions.getValuesAs(JsonObject.class).stream().map(v -> v.getString("id")).toList();
        assertEquals(java.util.List.of("v2.17", "v2.15", "v2.13", "v2.12", "v2.11", "v2.10", "v2.9", "v2.8", "v2.7",
                "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0"), ids, "as Glance with enabled_backends");
        assertEquals(200, SERVER.api().get("/v2.13/info/stores").statusCode());
    }

    @Test
    void storesAreListedWithTheDefaultAndTheReadOnlyOne() {
        ImageBytes api = SERVER.api();
        HttpResponse<String> response = api.get("/v2/info/stores");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray stores = Api.json(response).getJsonArray("stores");
        assertEquals(4, stores.size(), stores.toString());
        JsonObject fast = stores.getJsonObject(0);
        assertEquals("fast", fast.getString("id"));
        assertEquals("Fast filesystem store", fast.getString("description"));
        assertEquals("true", fast.getString("default"));
        JsonObject cheap = stores.getJsonObject(1);
        assertEquals("cheap", cheap.getString("id"));
        assertFalse(cheap.containsKey("default"));
        assertFalse(cheap.containsKey("read-only"));
        JsonObject web = stores.getJsonObject(2);
        assertEquals("web", web.getString("id"));
        assertEquals("true", web.getString("read-only"));
        assertEquals("broken", stores.getJsonObject(3).getString("id"), "a store that failed is still listed");

        JsonArray detail = Api.json(api.get("/v2/info/stores/detail")).getJsonArray("stores");
        assertEquals("file", detail.getJsonObject(0).getString("type"));
        assertEquals(100, detail.getJsonObject(0).getInt("weight"));
        assertTrue(detail.getJsonObject(0).getJsonObject("properties").containsKey("data_dir"));
        assertEquals("http", detail.getJsonObject(2).getString("type"));
        assertEquals(0, detail.getJsonObject(2).getJsonObject("properties").size());
    }

    @Test
    void operatorsSeeOverJmxWhichStoresAnswer() throws Exception {
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            String fast = "org.glancejee:type=Store,name=\"fast\"";
            String broken = "org.glancejee:type=Store,name=\"broken\"";
            assertEquals(true, jmx.invoke(fast, "probe"));
            assertEquals(true, jmx.attribute(fast, "Available"));
            assertEquals(true, jmx.attribute(fast, "Default"));
            assertEquals("file", jmx.attribute(fast, "Type"));
            assertFalse(((String) jmx.attribute(fast, "LastProbe")).isEmpty());
            assertEquals(false, jmx.invoke(broken, "probe"));
            assertEquals(false, jmx.attribute(broken, "Available"));
            assertTrue(((String) jmx.attribute(broken, "LastError")).contains("not set up"),
                    (String) jmx.attribute(broken, "LastError"));
        }
    }

    @Test
    void theReadinessCheckSaysWhichStoresAnswer() throws Exception {
        HttpResponse<String> ready = SERVER.api().get("/health/ready");
        for (int attempt = 0; attempt < 50 && ready.statusCode() != 200; attempt++) {
            Thread.sleep(200); // until the stores' first probe, a second after start
            ready = SERVER.api().get("/health/ready");
        }
        assertEquals(200, ready.statusCode(), "ready while the default store answers: " + ready.body());
        JsonObject stores = Api.json(ready).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("stores")).findFirst().orElseThrow();
        assertEquals("UP", stores.getString("status"));
        assertEquals("available", stores.getJsonObject("data").getString("fast"));
        assertEquals("unavailable", stores.getJsonObject("data").getString("broken"), "a store that failed says so");
        assertFalse(ready.body().contains("not set up"), "why stays in the log and JMX: " + ready.body());
        assertEquals("UP", Api.json(ready).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow()
                .getString("status"), "the database answers");
    }

    @Test
    void newImagesSayWhichStoresExist() {
        HttpResponse<String> created = SERVER.api().postJson("/v2/images",
                "{\"name\": \"store-ids\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("fast,cheap,web,broken", created.headers().firstValue("OpenStack-image-store-ids").orElseThrow());
        JsonObject image = Api.json(created);
        assertFalse(image.containsKey("stores"), "an image without data is in no store");
        assertEquals(0, image.getJsonArray("locations").size());
        assertFalse(image.containsKey("direct_url"));
    }

    @Test
    void uploadsGoToTheDefaultStoreOrTheOneNamed() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(2 * MIB + 1, 812);
        String toDefault = api.createRaw("upload-default");
        api.uploadOk(toDefault, data);
        assertEquals("fast", api.show(toDefault).getString("stores"));
        assertTrue(Files.exists(storeDir("fast").resolve(toDefault)));

        String toCheap = api.createRaw("upload-cheap");
        HttpResponse<String> uploaded = api.upload(toCheap, data, "X-Image-Meta-Store", "cheap");
        assertEquals(204, uploaded.statusCode(), uploaded.body());
        JsonObject image = api.show(toCheap);
        assertEquals("cheap", image.getString("stores"));
        assertTrue(Files.exists(storeDir("cheap").resolve(toCheap)));
        assertFalse(Files.exists(storeDir("fast").resolve(toCheap)));
        ImageDataIT.assertRecorded(image, data);
        assertArrayEquals(data, api.download(toCheap).body());
        JsonArray locations = image.getJsonArray("locations");
        assertEquals(1, locations.size());
        assertEquals("cheap", locations.getJsonObject(0).getJsonObject("metadata").getString("store"));
        assertEquals(locations.getJsonObject(0).getString("url"), image.getString("direct_url"));
    }

    @Test
    void uploadsToUnknownReadOnlyOrBrokenStoresAreRefusedAndLeaveTheImageQueued() {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("upload-refused");
        byte[] data = randomData(1000, 813);
        HttpResponse<String> unknown = api.upload(id, data, "X-Image-Meta-Store", "nowhere");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("Store for identifier nowhere not found"), unknown.body());
        HttpResponse<String> readOnly = api.upload(id, data, "X-Image-Meta-Store", "web");
        assertEquals(410, readOnly.statusCode(), readOnly.body());
        HttpResponse<String> broken = api.upload(id, data, "X-Image-Meta-Store", "broken");
        assertEquals(503, broken.statusCode(), broken.body());
        assertFalse(broken.body().contains("/dev/null"), "storage paths never reach users: " + broken.body());
        assertEquals("queued", api.status(id));
    }

    @Test
    void importsWriteToEveryStoreAskedFor() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(3 * MIB + 7, 814);
        String id = api.createRaw("import-two-stores");
        assertEquals(204, stage(api, id, data).statusCode());
        HttpResponse<String> accepted = api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}, \"stores\": [\"cheap\", \"fast\"]}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("active", api.awaitStatus(id, "active", IMPORT));
        JsonObject image = api.show(id);
        assertEquals("cheap,fast", sortedStores(image));
        assertEquals("", image.getString("os_glance_importing_to_stores"));
        assertEquals("", image.getString("os_glance_failed_import"));
        assertArrayEquals(data, Files.readAllBytes(storeDir("fast").resolve(id)));
        assertArrayEquals(data, Files.readAllBytes(storeDir("cheap").resolve(id)));
        JsonObject task = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0);
        assertEquals("[\"cheap\",\"fast\"]", task.getJsonObject("input").getJsonArray("backend").toString());
    }

    @Test
    void aStoreThatFailsStopsTheImportUnlessFailuresAreAllowed() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(MIB, 815);
        String strict = api.createRaw("import-strict");
        assertEquals(204, stage(api, strict, data).statusCode());
        assertEquals(202, api.postJson("/v2/images/" + strict + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}, \"stores\": [\"fast\", \"broken\"]}").statusCode());
        assertEquals("queued", api.awaitStatus(strict, "queued", IMPORT));
        assertEquals("failure", awaitTaskEnd(api, strict).getString("status"));
        JsonObject failed = api.show(strict);
        assertTrue(failed.getString("os_glance_failed_import").contains("broken"), failed.toString());
        assertFalse(failed.containsKey("stores"));
        assertFalse(Files.exists(storeDir("fast").resolve(strict)), "the copy that worked is removed too");

        String lenient = api.createRaw("import-lenient");
        assertEquals(204, stage(api, lenient, data).statusCode());
        assertEquals(202, api.postJson("/v2/images/" + lenient + "/import", "{\"method\": {\"name\":"
                + " \"glance-direct\"}, \"stores\": [\"fast\", \"broken\"], \"all_stores_must_succeed\": false}")
                .statusCode());
        assertEquals("active", api.awaitStatus(lenient, "active", IMPORT));
        assertEquals("success", awaitTaskEnd(api, lenient).getString("status"));
        JsonObject partial = api.show(lenient);
        assertEquals("fast", partial.getString("stores"));
        assertEquals("broken", partial.getString("os_glance_failed_import"));
        assertEquals("", partial.getString("os_glance_importing_to_stores"));
        assertArrayEquals(data, api.download(lenient).body());
    }

    @Test
    void importRequestsNamingStoresBadlyAreRefused() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("import-bad-stores");
        assertEquals(204, stage(api, id, randomData(1000, 816)).statusCode());
        String path = "/v2/images/" + id + "/import";
        assertStatus(409, api.postJson(path, "{\"method\": {\"name\": \"glance-direct\"}, \"stores\": [\"nowhere\"]}"),
                "Store for identifier nowhere not found");
        assertStatus(400, api.postJson(path, "{\"method\": {\"name\": \"glance-direct\"}, \"stores\": [\"fast\"]}",
                "X-Image-Meta-Store", "cheap"), "Stores parameter and x-image-meta-store header can't be both specified");
        assertStatus(400, api.postJson(path, "{\"method\": {\"name\": \"glance-direct\"}, \"all_stores\": true,"
                + " \"stores\": [\"fast\"]}"), "All_stores parameter can't be used");
        assertStatus(409, api.postJson(path, "{\"method\": {\"name\": \"glance-direct\"}, \"stores\": [\"web\"]}"),
                "read-only");
        assertEquals("uploading", api.status(id), "refused requests change nothing");
    }

    @Test
    void copyImageAddsStoresAndDeletingOneCopyKeepsTheOthers() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(2 * MIB + 3, 817);
        String id = api.createRaw("copy-image");
        api.uploadOk(id, data);
        JsonObject before = api.show(id);

        HttpResponse<String> copy = api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"copy-image\"}, \"stores\": [\"cheap\"]}");
        assertEquals(202, copy.statusCode(), copy.body());
        assertEquals("success", awaitTaskEnd(api, id).getString("status"));
        JsonObject copied = api.show(id);
        assertEquals("active", copied.getString("status"));
        assertEquals("cheap,fast", sortedStores(copied));
        assertEquals(before.getString("checksum"), copied.getString("checksum"));
        assertEquals(before.getString("os_hash_value"), copied.getString("os_hash_value"));
        assertArrayEquals(data, Files.readAllBytes(storeDir("cheap").resolve(id)));

        assertStatus(400, api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"copy-image\"}, \"stores\": [\"cheap\"]}"),
                "Image is already present at store 'cheap'");
        int tasks = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").size();
        HttpResponse<String> nothingLeft = api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"copy-image\"}, \"all_stores\": true, \"all_stores_must_succeed\": false}");
        assertEquals(202, nothingLeft.statusCode(), nothingLeft.body());
        assertEquals(tasks, Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").size(),
                "an image in every working store has nothing to copy: no task");

        // The fast store weighs more, so downloads read it first; without its file they fall back to cheap.
        Path fastCopy = storeDir("fast").resolve(id);
        Files.move(fastCopy, fastCopy.resolveSibling(id + ".moved"));
        assertArrayEquals(data, api.download(id).body());
        Files.move(fastCopy.resolveSibling(id + ".moved"), fastCopy);

        assertStatus(404, api.delete("/v2/stores/broken/" + id), "is not stored in store broken");
        assertEquals(204, api.delete("/v2/stores/fast/" + id).statusCode());
        JsonObject afterDelete = api.show(id);
        assertEquals("cheap", afterDelete.getString("stores"));
        assertFalse(Files.exists(fastCopy), "the store's copy is deleted");
        assertArrayEquals(data, api.download(id).body());
        // As in Glance, an image with one copy left answers 403 whichever store is named.
        assertStatus(403, api.delete("/v2/stores/cheap/" + id), "only store");
        assertStatus(403, api.delete("/v2/stores/fast/" + id), "only store");
        assertStatus(409, api.delete("/v2/stores/nowhere/" + id), "not available on this node");
    }

    @Test
    void webDownloadCanTargetAStore() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("web-to-cheap");
        HttpResponse<String> accepted = api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"web-download\", \"uri\": \"http://127.0.0.1:" + WEB.getAddress().getPort()
                        + "/image\"}}", "X-Image-Meta-Store", "cheap");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("active", api.awaitStatus(id, "active", IMPORT));
        assertEquals("cheap", api.show(id).getString("stores"));
        assertArrayEquals(WEB_IMAGE, api.download(id).body());
    }

    @Test
    void theGlanceClientListsStoresUploadsToOneCopiesAndDeletesFromOne() throws Exception {
        ImageBytes api = SERVER.api();
        Cli glance = Cli.glance(api.base());
        String info = glance.run("stores-info").ok().stdout();
        assertTrue(info.contains("Fast filesystem store") && info.contains("cheap"), info);

        Path file = Files.createTempFile("multi-store-cli", ".raw");
        byte[] data = randomData(MIB + 3, 818);
        Files.write(file, data);
        String created = glance.run("image-create", "--name", "cli-store", "--disk-format", "raw",
                "--container-format", "bare", "--file", file.toString(), "--store", "cheap").ok().stdout();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\\|\\s*id\\s*\\|\\s*([0-9a-f-]{36})\\s*\\|")
                .matcher(created);
        assertTrue(id.find(), created);
        String image = id.group(1);
        assertEquals("cheap", api.show(image).getString("stores"));

        glance.run("image-import", "--import-method", "copy-image", "--stores", "fast", image).ok();
        assertEquals("success", awaitTaskEnd(api, image).getString("status"));
        assertEquals("cheap,fast", sortedStores(api.show(image)));
        glance.run("stores-delete", "--store", "cheap", image).ok();
        assertEquals("fast", api.show(image).getString("stores"));
        assertArrayEquals(data, api.download(image).body());
        Files.delete(file);
    }

    private static void assertStatus(int status, HttpResponse<String> response, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
    }

    private static String sortedStores(JsonObject image) {
        return String.join(",", new java.util.TreeSet<>(java.util.List.of(image.getString("stores").split(","))));
    }

    private static JsonObject awaitTaskEnd(ImageBytes api, String id) throws InterruptedException {
        long deadline = System.nanoTime() + IMPORT.toNanos();
        while (true) {
            JsonArray tasks = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks");
            JsonObject newest = tasks.getJsonObject(0);
            String status = newest.getString("status");
            if (status.equals("success") || status.equals("failure")) {
                return newest;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task still " + status);
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> stage(ImageBytes api, String id, byte[] data) {
        return api.put("/v2/images/" + id + "/stage", data, "Content-Type", "application/octet-stream");
    }

    private static Path storeDir(String store) {
        return SERVER.store().resolve(store);
    }

    private static HttpServer startWeb() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/image", exchange -> {
                exchange.sendResponseHeaders(200, WEB_IMAGE.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(WEB_IMAGE);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
