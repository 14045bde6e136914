package org.glancejee.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.glancejee.it.ImageBytes.md5;
import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageBytes.sha512;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interoperable import with glance-direct: stage the bytes, import them, and the image turns active with
 * exactly those bytes; every refusal says why with Glance's status code and leaves the image as it was.
 */
@ExtendWith(GlanceServer.class)
class ImageImportIT {
    private static final int MIB = 1 << 20;
    private static final Duration IMPORT = Duration.ofSeconds(60);
    private static final String GLANCE_DIRECT = "{\"method\": {\"name\": \"glance-direct\"}}";

    private final ImageBytes api = ImageBytes.shared();

    @Test
    void stagedDataIsImportedByteForByte() throws Exception {
        byte[] data = randomData(3 * MIB + 17, 501);
        String id = api.createRaw("import-direct");

        HttpResponse<String> staged = stage(id, data);
        assertEquals(204, staged.statusCode(), staged.body());
        JsonObject uploading = api.show(id);
        assertEquals("uploading", uploading.getString("status"));
        assertEquals(data.length, uploading.getJsonNumber("size").longValue());
        assertTrue(uploading.isNull("checksum"));
        assertFalse(uploading.containsKey("os_glance_stage_host"), "where data is staged is never shown");
        assertTrue(Files.exists(GlanceServer.stagingArea().resolve(id)), "the data waits in staging");

        HttpResponse<String> accepted = api.postJson("/v2/images/" + id + "/import", GLANCE_DIRECT);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("", accepted.body());

        assertEquals("active", api.awaitStatus(id, "active", IMPORT));
        JsonObject image = api.show(id);
        ImageDataIT.assertRecorded(image, data);
        assertEquals("", image.getString("os_glance_importing_to_stores"));
        assertEquals("", image.getString("os_glance_failed_import"));
        assertFalse(image.containsKey("os_glance_import_task"), "the import lock is released");
        HttpResponse<byte[]> download = api.download(id);
        assertEquals(md5(data), download.headers().firstValue("Content-MD5").orElseThrow());
        assertArrayEquals(data, download.body());
        assertFalse(Files.exists(GlanceServer.stagingArea().resolve(id)), "staging is emptied after the import");

        JsonArray tasks = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks");
        assertEquals(1, tasks.size(), tasks.toString());
        JsonObject task = tasks.getJsonObject(0);
        assertEquals("api_image_import", task.getString("type"));
        assertEquals("success", task.getString("status"));
        assertEquals(id, task.getString("image_id"));
        assertEquals(id, task.getJsonObject("result").getString("image_id"));
        assertEquals("glance-direct", task.getJsonObject("input").getJsonObject("import_req")
                .getJsonObject("method").getString("name"));
        assertEquals(id, task.getJsonObject("input").getString("image_id"));
        assertFalse(task.isNull("expires_at"), "a finished task expires");

        HttpResponse<String> shown = api.get("/v2/tasks/" + task.getString("id"));
        assertEquals(200, shown.statusCode(), shown.body());
        JsonObject full = Api.json(shown);
        assertEquals("success", full.getString("status"));
        assertEquals("/v2/tasks/" + task.getString("id"), full.getString("self"));
        assertEquals("/v2/schemas/task", full.getString("schema"));
        assertTrue(full.getString("expires_at").endsWith("Z"), full.toString());
        assertEquals(id, full.getJsonObject("result").getString("image_id"));
    }

    @Test
    void importRequestsAreCheckedAsGlanceChecksThem() {
        String queued = api.createRaw("import-refusals");
        assertRefused(409, queued, GLANCE_DIRECT, "Image needs to be staged before 'glance-direct' method can be used");
        assertRefused(400, queued, "{}", "Import request requires a 'method' field.");
        assertRefused(400, queued, "{\"method\": {}}", "Import request requires a 'name' field.");
        assertRefused(400, queued, "{\"method\": {\"name\": \"carrier-pigeon\"}}",
                "Unknown import method name 'carrier-pigeon'.");
        assertRefused(400, queued, "{\"method\": {\"name\": \"glance-download\"}}",
                "Unknown import method name 'glance-download'.");
        assertRefused(400, queued, "{\"method\": {\"name\": \"glance-direct\"}, \"all_stores_must_succeed\": \"yes\"}",
                "'all_stores_must_succeed' must be boolean value only");
        assertRefused(400, queued, "{\"method\": {\"name\": \"glance-direct\"}, \"all_stores\": 1}",
                "'all_stores' must be boolean value only");
        assertRefused(400, queued, "{\"method\": {\"name\": \"web-download\", \"uri\": \"file:///etc/passwd\"}}",
                "URI for web-download does not pass filtering");
        assertRefused(400, queued, "{\"method\": {\"name\": \"web-download\"}}",
                "URI for web-download does not pass filtering");
        assertEquals("queued", api.status(queued), "refusals change nothing");
        assertEquals(404, api.postJson("/v2/images/" + java.util.UUID.randomUUID() + "/import", GLANCE_DIRECT)
                .statusCode());

        String noFormats = api.create("{\"name\": \"import-no-formats\"}");
        assertEquals(204, stage(noFormats, randomData(1000, 502)).statusCode());
        assertRefused(409, noFormats, GLANCE_DIRECT, "'container_format' needs to be set before import");

        String active = api.createRaw("import-active");
        api.uploadOk(active, randomData(1000, 503));
        assertRefused(409, active, GLANCE_DIRECT, "Image with status active cannot be target for import");
    }

    @Test
    void stageRefusalsLeaveTheImageQueuedWithNothingStaged() throws IOException {
        String id = api.createRaw("stage-refusals");
        HttpResponse<String> wrongType = api.put("/v2/images/" + id + "/stage", randomData(100, 504),
                "Content-Type", "application/json");
        assertEquals(415, wrongType.statusCode(), wrongType.body());
        HttpResponse<String> shortBody = stage(id, randomData(100, 505), "x-openstack-image-size", "200");
        assertEquals(400, shortBody.statusCode(), shortBody.body());
        assertEquals("queued", api.status(id));
        assertTrue(api.show(id).isNull("size"));
        assertEquals(List.of(), staged(id));

        assertEquals(204, stage(id, randomData(100, 506)).statusCode());
        HttpResponse<String> again = stage(id, randomData(100, 507));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("uploading", api.status(id), "the first staged data stays");

        String active = api.createRaw("stage-active");
        api.uploadOk(active, randomData(100, 508));
        assertEquals(409, stage(active, randomData(100, 509)).statusCode());
        assertEquals(404, stage(java.util.UUID.randomUUID().toString(), randomData(100, 510)).statusCode());
    }

    @Test
    void deletingAStagedImageRemovesItsStagedData() throws IOException {
        String id = api.createRaw("stage-then-delete");
        assertEquals(204, stage(id, randomData(2 * MIB, 511)).statusCode());
        assertEquals(List.of(id), staged(id));
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
        assertEquals(List.of(), staged(id));
    }

    @Test
    void aSecondImportWhileTheFirstRunsIsRefused() throws Exception {
        byte[] data = randomData(64 * MIB, 512);
        String id = api.createRaw("import-twice");
        assertEquals(204, stage(id, data).statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import", GLANCE_DIRECT).statusCode());
        HttpResponse<String> second = api.postJson("/v2/images/" + id + "/import", GLANCE_DIRECT);
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("active", api.awaitStatus(id, "active", IMPORT));
        assertEquals(sha512(data), api.show(id).getString("os_hash_value"));
        assertEquals(1, Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").size());
    }

    @Test
    void tasksApiListsShowsAndRefusesDeletion() throws Exception {
        String id = api.createRaw("tasks-api");
        assertEquals(204, stage(id, randomData(1000, 513)).statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import", GLANCE_DIRECT).statusCode());
        assertEquals("active", api.awaitStatus(id, "active", IMPORT));
        String taskId = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks")
                .getJsonObject(0).getString("id");

        JsonObject list = Api.json(api.get("/v2/tasks?limit=1000"));
        assertEquals("/v2/schemas/tasks", list.getString("schema"));
        assertEquals("/v2/tasks?limit=1000", list.getString("first"));
        JsonObject stub = list.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("id").equals(taskId)).findFirst().orElseThrow();
        assertFalse(stub.containsKey("input") || stub.containsKey("result") || stub.containsKey("message"),
                "the list shows stubs: " + stub);
        JsonObject page = Api.json(api.get("/v2/tasks?limit=1&sort_dir=desc"));
        assertEquals(1, page.getJsonArray("tasks").size());
        assertTrue(page.getString("next").matches("/v2/tasks\\?limit=1&sort_dir=desc&marker=[0-9a-f-]{36}"),
                page.getString("next"));

        HttpResponse<String> delete = api.delete("/v2/tasks/" + taskId);
        assertEquals(405, delete.statusCode(), delete.body());
        assertEquals("GET", delete.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, api.get("/v2/tasks/" + java.util.UUID.randomUUID()).statusCode());
        assertEquals(400, api.get("/v2/tasks?sort_dir=up").statusCode());
        assertEquals(400, api.get("/v2/tasks?status=running").statusCode());
        assertEquals(400, api.get("/v2/tasks?type=api_image_import").statusCode());
        assertEquals(400, api.get("/v2/tasks?limit=many").statusCode());
        assertEquals(400, api.get("/v2/tasks?limit=-1").statusCode());
        assertEquals(400, api.get("/v2/tasks?marker=not-a-uuid").statusCode());
        assertEquals(404, api.get("/v2/images/" + java.util.UUID.randomUUID() + "/tasks").statusCode());
    }

    private HttpResponse<String> stage(String id, byte[] data, String... headers) {
        String[] all = Stream.concat(Stream.of("Content-Type", "application/octet-stream"), Stream.of(headers))
                .toArray(String[]::new);
        return api.put("/v2/images/" + id + "/stage", data, all);
    }

    private void assertRefused(int status, String id, String body, String message) {
        HttpResponse<String> response = api.postJson("/v2/images/" + id + "/import", body);
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
    }

    private static List<String> staged(String id) throws IOException {
        Path dir = GlanceServer.stagingArea();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).toList();
        }
    }
}
