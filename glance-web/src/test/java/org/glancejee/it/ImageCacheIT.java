package org.glancejee.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.glancejee.it.ImageBytes.md5;
import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image cache of a server with {@code image_cache_dir}: downloads fill it and are then served from it with
 * the same headers, torn downloads leave nothing in it, the cache API queues (fetched at once in the
 * background), lists, removes, clears, cleans and prunes it, deleting an image evicts it, and the glance
 * client's cache commands work against it. A server without a cache answers 404 and does not offer the
 * cache API versions.
 */
@ExtendWith(GlanceServer.class)
class ImageCacheIT {
    private static final int MIB = 1 << 20;
    private static final long MAX_SIZE = 5L * MIB;
    private static final int JMX_PORT = Jmx.freePort();
    private static final Path CACHE = Path.of(System.getProperty("glance.it.workdir", "target/it"))
            .toAbsolutePath().resolve(GlanceServer.runName()).resolve("image-cache");

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("image_cache", Map.of(
            "GLANCE_IMAGE_CACHE_DIR", CACHE.toString(),
            "GLANCE_IMAGE_CACHE_MAX_SIZE", String.valueOf(MAX_SIZE)), Jmx.serverOptions(JMX_PORT));

    @BeforeEach
    void emptyCache() {
        assertEquals(204, SERVER.api().delete("/v2/cache").statusCode());
    }

    @Test
    void aDownloadFillsTheCacheAndTheNextOneIsServedFromItWithTheSameHeaders() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(3 * MIB + 11, 1201);
        String id = api.createRaw("cached");
        api.uploadOk(id, data);
        assertTrue(cachedEntry(id).isEmpty(), "an upload does not fill the cache");

        HttpResponse<byte[]> first = api.download(id);
        assertEquals(200, first.statusCode());
        assertArrayEquals(data, first.body());
        awaitCached(id);
        JsonObject entry = cachedEntry(id).orElseThrow();
        assertEquals(data.length, entry.getJsonNumber("size").longValue());
        assertEquals(0, entry.getJsonNumber("hits").longValue());
        assertTrue(Math.abs(entry.getJsonNumber("last_modified").doubleValue() - Instant.now().getEpochSecond()) < 120,
                "epoch seconds: " + entry);
        assertArrayEquals(data, Files.readAllBytes(CACHE.resolve(id)));

        HttpResponse<byte[]> partial = api.download(id, "Range", "bytes=100-199");
        assertEquals(206, partial.statusCode(), "ranges come from the store");

        // The store's copy goes: only the cache can serve the image now.
        Files.delete(SERVER.store().resolve(id));
        HttpResponse<byte[]> second = api.download(id);
        assertEquals(200, second.statusCode());
        assertArrayEquals(data, second.body(), "served from the cache");
        for (String header : List.of("Content-Type", "Content-Length", "Content-MD5")) {
            assertEquals(first.headers().firstValue(header), second.headers().firstValue(header), header);
        }
        assertEquals(md5(data), second.headers().firstValue("Content-MD5").orElseThrow());
        assertEquals(1, cachedEntry(id).orElseThrow().getJsonNumber("hits").longValue());
        assertNotEquals(206, api.download(id, "Range", "bytes=100-199").statusCode(),
                "a range never comes from the cache");
    }

    @Test
    void aDownloadCutShortLeavesNothingInTheCache() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(16 * MIB, 1202);
        String id = api.createRaw("torn");
        api.uploadOk(id, data);

        try (Socket socket = new Socket(api.base().getHost(), api.base().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v2/images/" + id + "/file HTTP/1.1\r\nHost: " + api.base().getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertTrue(in.readNBytes(64 * 1024).length > 0);
        }
        awaitNoFile(CACHE.resolve("incomplete").resolve(id));
        assertTrue(cachedEntry(id).isEmpty(), "a torn download caches nothing");
        assertFalse(Files.exists(CACHE.resolve(id)));

        assertArrayEquals(data, api.download(id).body());
        awaitCached(id);
    }

    @Test
    void queueingAnImageFetchesItIntoTheCacheInTheBackground() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(MIB + 5, 1203);
        String id = api.createRaw("queued");
        api.uploadOk(id, data);

        assertEquals(202, api.put("/v2/cache/" + id, new byte[0]).statusCode());
        awaitCached(id);
        assertArrayEquals(data, Files.readAllBytes(CACHE.resolve(id)));
        assertEquals(0, queued().size(), "fetched, so no longer queued");

        String empty = api.createRaw("not-active");
        assertEquals(400, api.put("/v2/cache/" + empty, new byte[0]).statusCode(), "only active images");
        assertEquals(404, api.put("/v2/cache/" + UUID.randomUUID(), new byte[0]).statusCode());

        assertEquals(204, api.delete("/v2/cache/" + id).statusCode());
        assertTrue(cachedEntry(id).isEmpty());
        assertFalse(Files.exists(CACHE.resolve(id)));
        assertEquals(404, api.delete("/v2/cache/" + UUID.randomUUID()).statusCode(),
                "neither an image nor in the cache");
    }

    @Test
    void anImageWhoseStoreFailsStaysQueuedAndTheQueueOrTheCacheCanBeCleared() throws Exception {
        ImageBytes api = SERVER.api();
        String lost = api.createRaw("lost-data");
        api.uploadOk(lost, randomData(1000, 1204));
        Files.delete(SERVER.store().resolve(lost));
        String kept = api.createRaw("kept");
        api.uploadOk(kept, randomData(2000, 1205));
        api.download(kept);
        awaitCached(kept);

        assertEquals(202, api.put("/v2/cache/" + lost, new byte[0]).statusCode());
        Thread.sleep(1000);
        assertEquals(List.of(lost), queued(), "its fetch failed: it waits for the prefetcher");

        assertEquals(400, api.delete("/v2/cache", "x-image-cache-clear-target", "everything").statusCode());
        assertEquals(204, api.delete("/v2/cache", "x-image-cache-clear-target", "queue").statusCode());
        assertEquals(List.of(), queued());
        assertTrue(cachedEntry(kept).isPresent(), "clearing the queue leaves the cache");

        assertEquals(202, api.put("/v2/cache/" + lost, new byte[0]).statusCode());
        assertEquals(204, api.delete("/v2/cache", "x-image-cache-clear-target", "cache").statusCode());
        assertTrue(cachedEntry(kept).isEmpty());
        assertFalse(Files.exists(CACHE.resolve(kept)));
        assertEquals(List.of(lost), queued(), "clearing the cache leaves the queue");
    }

    @Test
    void pruningEvictsTheLeastRecentlyUsedImagesDownToTheMaximumSize() throws Exception {
        ImageBytes api = SERVER.api();
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            // The pruner's first timed run comes soon after start; let it pass so it does not race this test.
            String pruner = "org.glancejee:type=Job,name=\"cache_pruner\"";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((Long) jmx.attribute(pruner, "Runs") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue((Long) jmx.attribute(pruner, "Runs") > 0);
        }
        int size = 2 * MIB;
        String oldest = cachedImage(api, size, 1206);
        String older = cachedImage(api, size, 1207);
        Thread.sleep(20);
        api.download(oldest);
        String newest = cachedImage(api, size, 1208);

        HttpResponse<String> pruned = api.post("/v2/cache/prune");
        assertEquals(200, pruned.statusCode(), pruned.body());
        JsonObject result = Api.json(pruned);
        assertEquals(1, result.getInt("total_files_pruned"));
        assertEquals(size, result.getJsonNumber("total_bytes_pruned").longValue());
        assertTrue(cachedEntry(older).isEmpty(), "the least recently used image goes");
        assertTrue(cachedEntry(oldest).isPresent() && cachedEntry(newest).isPresent());
        assertFalse(Files.exists(CACHE.resolve(older)));

        JsonObject again = Api.json(api.post("/v2/cache/prune"));
        assertEquals(0, again.getInt("total_files_pruned"), "within the maximum size now");
    }

    @Test
    void cleaningRemovesStalledFailedAndUnknownFilesAndKeepsFillsUnderWay() throws Exception {
        String stalled = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        Files.write(CACHE.resolve("incomplete").resolve(stalled), new byte[10]);
        Files.setLastModifiedTime(CACHE.resolve("incomplete").resolve(stalled),
                FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.write(CACHE.resolve("incomplete").resolve(fresh), new byte[10]);
        Files.write(CACHE.resolve("invalid").resolve(invalid), new byte[10]);
        Files.write(CACHE.resolve(unknown), new byte[10]);
        Files.setLastModifiedTime(CACHE.resolve(unknown), FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertEquals(200, SERVER.api().post("/v2/cache/clean").statusCode());
        assertFalse(Files.exists(CACHE.resolve("incomplete").resolve(stalled)), "stalled past image_cache_stall_time");
        assertTrue(Files.exists(CACHE.resolve("incomplete").resolve(fresh)), "a fill that may still be under way");
        assertFalse(Files.exists(CACHE.resolve("invalid").resolve(invalid)));
        assertFalse(Files.exists(CACHE.resolve(unknown)), "a file the cache does not know (a crash before its row) goes");
        Files.delete(CACHE.resolve("incomplete").resolve(fresh));
    }

    @Test
    void deletingAnImageTakesItOutOfTheCache() throws Exception {
        ImageBytes api = SERVER.api();
        String id = cachedImage(api, 1000, 1209);
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
        assertTrue(cachedEntry(id).isEmpty());
        assertFalse(Files.exists(CACHE.resolve(id)));
    }

    @Test
    void theCacheVersionsAreOfferedAndTheGlanceClientManagesTheCache() throws Exception {
        JsonArray versions = Api.json(SERVER.api().get("/versions")).getJsonArray("versions");
        assertEquals("v2.18", versions.getJsonObject(0).getString("id"));
        assertEquals("CURRENT", versions.getJsonObject(0).getString("status"));
        assertEquals(200, SERVER.api().get("/v2.14/cache").statusCode());

        ImageBytes api = SERVER.api();
        String id = api.createRaw("cli-cached");
        api.uploadOk(id, randomData(5000, 1210));
        Cli glance = Cli.glance(api.base());
        glance.run("cache-queue", id).ok();
        awaitCached(id);
        String listed = glance.run("cache-list").ok().stdout();
        assertTrue(listed.contains(id) && listed.contains("cached"), listed);
        glance.run("cache-delete", id).ok();
        assertTrue(cachedEntry(id).isEmpty());
        cachedImage(api, 100, 1211);
        glance.run("cache-clear", "--target", "cache").ok();
        assertEquals(0, cached().size());
    }

    @Test
    void aServerWithoutACacheAnswers404AndOffersNoCacheVersions() {
        assertEquals(404, Api.get("/v2/cache").statusCode());
        assertEquals(404, Api.method("DELETE", "/v2/cache").statusCode());
        assertEquals(404, Api.method("POST", "/v2/cache/prune").statusCode());
        String versions = Api.get("/versions").body();
        assertFalse(versions.contains("v2.14") || versions.contains("v2.18"), versions);
    }

    private static String cachedImage(ImageBytes api, int size, long seed) throws Exception {
        String id = api.createRaw("cached-" + seed);
        api.uploadOk(id, randomData(size, seed));
        api.download(id);
        awaitCached(id);
        return id;
    }

    private static JsonArray cached() {
        return Api.json(SERVER.api().get("/v2/cache")).getJsonArray("cached_images");
    }

    private static List<String> queued() {
        return Api.json(SERVER.api().get("/v2/cache")).getJsonArray("queued_images")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static Optional<JsonObject> cachedEntry(String id) {
        return cached().getValuesAs(JsonObject.class).stream().filter(e -> e.getString("image_id").equals(id))
                .findFirst();
    }

    private static void awaitCached(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (cachedEntry(id).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(cachedEntry(id).isPresent(), "cached in the background");
    }

    private static void awaitNoFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(file), file + " remains");
    }
}
