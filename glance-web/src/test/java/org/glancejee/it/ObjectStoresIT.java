package org.glancejee.it;

import jakarta.json.JsonObject;
import org.glancejee.store.s3.S3Proxy;
import org.glancejee.store.swift.SwiftServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server with object stores, against real servers: S3 (s3proxy run as a separate process, the default
 * store) and OpenStack Swift (Debian's, on loopback), beside a file store. Images go to S3, are copied to
 * Swift and the file store, are served from whichever still has them, and an S3 outage answers 503 without
 * changing any image, and passes without a restart.
 */
@ExtendWith(GlanceServer.class)
class ObjectStoresIT {
    private static final int MIB = 1 << 20;
    private static final Duration IMPORT = Duration.ofSeconds(90);
    private static final S3Proxy S3 = S3Proxy.startForTests(
            Path.of(System.getProperty("glance.it.workdir", "target/it"), "s3proxy"));
    private static final SwiftServer SWIFT = startSwift();

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("object_stores", environment("glance-images"));

    /** S3 (the default) and Swift with small parts and segments, and a file store, all on {@code bucket}. */
    private static Map<String, String> environment(String bucket) {
        return Map.ofEntries(
            Map.entry("GLANCE_ENABLED_BACKENDS", "objects:s3,local:file,swift:swift"),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_AUTH_ADDRESS", SWIFT.authAddress().toString()),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_AUTH_VERSION", "1"),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_USER", SwiftServer.USER),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_KEY", SwiftServer.KEY),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_CONTAINER", bucket),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_CREATE_CONTAINER_ON_PUT", "true"),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_LARGE_OBJECT_SIZE", "5"),
            Map.entry("GLANCE_SWIFT_SWIFT_STORE_LARGE_OBJECT_CHUNK_SIZE", "4"),
            Map.entry("GLANCE_GLANCE_STORE_DEFAULT_BACKEND", "objects"),
            Map.entry("GLANCE_OBJECTS_S3_STORE_HOST", S3.endpoint().toString()),
            Map.entry("GLANCE_OBJECTS_S3_STORE_ACCESS_KEY", S3Proxy.ACCESS_KEY),
            Map.entry("GLANCE_OBJECTS_S3_STORE_SECRET_KEY", S3Proxy.SECRET_KEY),
            Map.entry("GLANCE_OBJECTS_S3_STORE_BUCKET", bucket),
            Map.entry("GLANCE_OBJECTS_S3_STORE_CREATE_BUCKET_ON_PUT", "true"),
            Map.entry("GLANCE_OBJECTS_S3_STORE_LARGE_OBJECT_SIZE", "5"),
            Map.entry("GLANCE_OBJECTS_S3_STORE_LARGE_OBJECT_CHUNK_SIZE", "5"),
            Map.entry("GLANCE_OBJECTS_WEIGHT", "10"),
            Map.entry("GLANCE_SHOW_IMAGE_DIRECT_URL", "true"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        S3.close();
        SWIFT.close();
    }

    @Test
    void anImageInS3IsCopiedToSwiftAndTheFileStoreAndServedFromEachCopy() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(12 * MIB + 5, 901);
        String id = api.createRaw("in-s3");
        api.uploadOk(id, data);
        JsonObject uploaded = api.show(id);
        assertEquals("objects", uploaded.getString("stores"));
        ImageDataIT.assertRecorded(uploaded, data);
        assertTrue(S3.filesIn("glance-images") >= 1, "the object is in the bucket");
        String directUrl = uploaded.getString("direct_url");
        assertTrue(directUrl.startsWith("s3://127.0.0.1:"), directUrl);
        assertFalse(directUrl.contains(S3Proxy.ACCESS_KEY) || directUrl.contains(S3Proxy.SECRET_KEY),
                "credentials never reach users: " + directUrl);
        assertArrayEquals(data, api.download(id).body());
        HttpResponse<byte[]> range = api.download(id, "Range", "bytes=5242870-5242889");
        assertEquals(206, range.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 5242870, 5242890), range.body());

        HttpResponse<String> copy = api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"copy-image\"}, \"stores\": [\"swift\", \"local\"]}");
        assertEquals(202, copy.statusCode(), copy.body());
        awaitStores(api, id, "local,objects,swift");
        assertArrayEquals(data, Files.readAllBytes(fileStore().resolve(id)));
        assertTrue(SWIFT.objectsIn("glance-images") >= 4, "a large object: segments and a manifest in Swift");

        // Each copy serves the image alone: drop the others one after the other.
        assertEquals(204, api.delete("/v2/stores/objects/" + id).statusCode());
        assertEquals("local,swift", sortedStores(api.show(id)));
        assertArrayEquals(data, api.download(id).body());
        assertEquals(204, api.delete("/v2/stores/local/" + id).statusCode());
        assertFalse(Files.exists(fileStore().resolve(id)));
        assertEquals("swift", api.show(id).getString("stores"));
        assertArrayEquals(data, api.download(id).body(), "served from Swift now");
        HttpResponse<byte[]> swiftRange = api.download(id, "Range", "bytes=4194300-4194309");
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 4194300, 4194310), swiftRange.body(),
                "a range across Swift segments");
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
        assertEquals(0, SWIFT.objectsIn("glance-images"), "deleting the image deletes the large object and its segments");
    }

    @Test
    void aServerKilledWhileWritingToS3AndSwiftLeavesNothingThereOnceRestarted() throws Exception {
        String bucket = "crash-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (GlanceProcess server = GlanceServer.startSeparate("object_stores_crash", environment(bucket),
                List.of("-XX:TieredStopAtLevel=1"))) {
            ImageBytes api = new ImageBytes(server.baseUri());
            byte[] kept = randomData(6 * MIB, 950);
            String finished = api.createRaw("written-before-the-crash");
            assertEquals(204, api.upload(finished, kept, "X-Image-Meta-Store", "swift").statusCode());
            long swiftBefore = SWIFT.objectsIn(bucket);
            String toS3 = api.createRaw("cut-off-in-s3");
            String toSwift = api.createRaw("cut-off-in-swift");
            // Slow clients: the first part and segment reach the stores, the rest never comes.
            try (Socket s3 = api.startUpload(toS3, 32 * MIB, randomData(6 * MIB, 951));
                 Socket swift = api.startUpload(toSwift, 32 * MIB, randomData(6 * MIB, 952),
                         "X-Image-Meta-Store: swift\r\n")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (S3.filesIn(bucket) == 0 || SWIFT.objectsIn(bucket) == swiftBefore) {
                    assertTrue(System.nanoTime() < deadline, "the uploads never reached the stores");
                    Thread.sleep(200);
                }
                server.kill();
            } catch (IOException serverGone) {
                // the kill reset a connection while the test was still writing: expected
            }
            assertTrue(S3.filesIn(bucket) > 0, "the kill left a multipart upload's parts in S3");
            assertTrue(SWIFT.objectsIn(bucket) > swiftBefore, "the kill left segments in Swift");

            server.restart();
            api = new ImageBytes(server.baseUri());
            assertEquals("queued", api.status(toS3));
            assertEquals("queued", api.status(toSwift));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((S3.filesIn(bucket) > 0 || SWIFT.objectsIn(bucket) > swiftBefore) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(0, S3.filesIn(bucket), "no parts left in S3");
            assertEquals(swiftBefore, SWIFT.objectsIn(bucket), "no segments left in Swift");
            assertArrayEquals(kept, api.download(finished).body(), "data written before the crash stays");

            byte[] again = randomData(7 * MIB, 953);
            assertEquals(204, api.upload(toS3, again).statusCode(), "the cut-off image takes a new upload");
            assertArrayEquals(again, api.download(toS3).body());
        }
    }

    @Test
    void anS3OutageAnswers503ChangesNoImageAndPassesWithoutARestart() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(MIB + 9, 902);
        String inS3 = api.createRaw("outage-held");
        api.uploadOk(inS3, data);
        String waiting = api.createRaw("outage-upload");
        S3.stop();
        try {
            HttpResponse<byte[]> download = api.download(inS3);
            assertEquals(503, download.statusCode());
            assertFalse(new String(download.body()).contains("127.0.0.1"), "where data is kept is not told");
            assertEquals("active", api.status(inS3));

            HttpResponse<String> upload = api.upload(waiting, data);
            assertEquals(503, upload.statusCode(), upload.body());
            assertEquals("queued", api.status(waiting), "a failed upload leaves the image as it was");
        } finally {
            S3.start();
        }
        assertArrayEquals(data, api.download(inS3).body(), "served again once S3 is back");
        api.uploadOk(waiting, data);
        assertEquals("active", api.status(waiting));
    }

    private static String sortedStores(JsonObject image) {
        return String.join(",", new TreeSet<>(List.of(image.getString("stores").split(","))));
    }

    private static void awaitStores(ImageBytes api, String id, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + IMPORT.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            JsonObject image = api.show(id);
            seen = image.containsKey("stores") ? sortedStores(image) : "";
            if (seen.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("stores " + seen + ", expected " + expected);
    }

    private static Path fileStore() {
        return SERVER.store().resolve("local");
    }

    private static SwiftServer startSwift() {
        try {
            return SwiftServer.start(Path.of(System.getProperty("glance.it.workdir", "target/it"), "swift"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
