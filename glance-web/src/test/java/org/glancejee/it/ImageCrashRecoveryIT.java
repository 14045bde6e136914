package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.ImageBytes.md5;
import static org.glancejee.it.ImageBytes.partFiles;
import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageBytes.storeFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads that do not end normally: the client goes away mid-stream, or the server is killed with SIGKILL
 * mid-stream. Either way the image must end up queued again with no partial data left in the store, and a
 * new upload of the same image must work. The kill test runs its own server (killing the shared one would
 * break the other tests) on a database of the run's kind that only it uses, so it runs on H2 and MariaDB.
 */
@ExtendWith(GlanceServer.class)
class ImageCrashRecoveryIT {
    private static final int MIB = 1 << 20;
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    /** Content-Length body cut short (FIN), chunked body without its last chunk (FIN), and a reset (RST). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"length", "chunked", "reset"})
    void clientThatGoesAwayMidUploadLeavesTheImageQueued(String how) throws Exception {
        ImageBytes api = ImageBytes.shared();
        Path store = GlanceServer.imageStore();
        String id = api.createRaw("interrupted-" + how);
        boolean chunked = how.equals("chunked");

        try (Socket socket = api.startUpload(id, chunked ? -1 : 16 * MIB, randomData(3 * MIB, 20))) {
            awaitStreaming(api, store, id);
            if (how.equals("reset")) {
                socket.setSoLinger(true, 0);
            }
        }

        assertEquals("queued", api.awaitStatus(id, "queued", RECOVERY), "status after the client went away");
        JsonObject image = api.show(id);
        assertTrue(image.isNull("size") && image.isNull("checksum"), image.toString());
        assertEquals(List.of(), awaitNoFiles(store, id), "partial data left in the store");

        byte[] data = randomData(4 * MIB + 3, 21);
        assertEquals(204, api.upload(id, data).statusCode());
        ImageDataIT.assertRecorded(api.show(id), data);
        assertArrayEquals(data, api.download(id).body());
    }

    @Test
    void serverKilledMidUploadRestartsWithTheImageQueuedAndNoPartialFile() throws Exception {
        try (GlanceProcess server = GlanceServer.startSeparate("crash", Map.of(),
                // C1 only: starts about twice as fast, and this server's speed is not what is tested
                List.of("-XX:TieredStopAtLevel=1"))) {
            ImageBytes api = new ImageBytes(server.baseUri());
            Path store = server.imageStore();
            byte[] before = randomData(3 * MIB, 30);
            String finished = api.createRaw("crash-finished-before");
            api.uploadOk(finished, before);
            String id = api.createRaw("crash-victim");

            // A slow client: 512 KiB at a time with pauses, so the kill lands in the middle of the stream.
            try (Socket socket = api.startUpload(id, 64 * MIB, randomData(512 * 1024, 31))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!streaming(api, store, id)) {
                    assertTrue(System.nanoTime() < deadline, "the upload never got going");
                    ImageBytes.sendPart(socket, false, randomData(512 * 1024, 32));
                    Thread.sleep(100);
                }
                server.kill();
            } catch (IOException serverGone) {
                // the kill reset the connection while we were still writing: expected
            }
            assertFalse(server.isAlive());
            assertFalse(partFiles(store).isEmpty(), "the kill should have left a partial file behind");

            server.restart();
            api = new ImageBytes(server.baseUri());

            JsonObject image = api.show(id);
            assertEquals("queued", image.getString("status"), "an upload the dead server was streaming");
            assertTrue(image.isNull("size") && image.isNull("checksum") && image.isNull("os_hash_value"),
                    image.toString());
            assertEquals(List.of(), partFiles(store), "partial files after restart");
            assertEquals(List.of(), storeFiles(store, id));
            assertEquals(204, api.download(id).statusCode());
            assertTrue(Files.readString(server.log()).contains("Recovered from an interrupted run: 1 uploads back"
                    + " to queued, 1 partial files"), "recovery is logged");

            // What had been uploaded before the crash is untouched.
            ImageDataIT.assertRecorded(api.show(finished), before);
            assertArrayEquals(before, api.download(finished).body());

            // The interrupted image takes a new upload, and gives back exactly those bytes.
            byte[] data = randomData(8 * MIB + 1, 33);
            HttpResponse<String> upload = api.upload(id, data);
            assertEquals(204, upload.statusCode(), upload.body());
            ImageDataIT.assertRecorded(api.show(id), data);
            HttpResponse<byte[]> download = api.download(id);
            assertEquals(md5(data), download.headers().firstValue("Content-MD5").orElseThrow());
            assertArrayEquals(data, download.body());
        }
    }

    /** Waits until the server is writing the upload: status saving and a partial file of at least 1 MiB. */
    private static void awaitStreaming(ImageBytes api, Path store, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!streaming(api, store, id)) {
            assertTrue(System.nanoTime() < deadline, "the upload never got going: " + api.status(id));
            Thread.sleep(50);
        }
    }

    private static boolean streaming(ImageBytes api, Path store, String id) throws IOException {
        if (!api.status(id).equals("saving")) {
            return false;
        }
        for (String name : storeFiles(store, id)) {
            try {
                if (name.endsWith(".part") && Files.size(store.resolve(name)) >= MIB) {
                    return true;
                }
            } catch (NoSuchFileException renamedOrRemoved) {
                // gone between listing and looking
            }
        }
        return false;
    }

    private static List<String> awaitNoFiles(Path store, String id) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        List<String> files = storeFiles(store, id);
        while (!files.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            files = storeFiles(store, id);
        }
        return files;
    }
}
