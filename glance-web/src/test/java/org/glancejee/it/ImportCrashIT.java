package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.ImageBytes.partFiles;
import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageBytes.storeFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed with SIGKILL while an import copies staged data into the store: after the restart the
 * task has failed saying why, the image is queued again without data or lock, and neither the store nor
 * the staging area keeps anything of it; the image can be staged and imported again.
 */
@ExtendWith(GlanceServer.class)
class ImportCrashIT {
    private static final long STAGED = 768L << 20;

    @Test
    void serverKilledMidImportRestartsWithTheImportFailedCleanly() throws Exception {
        try (GlanceProcess server = GlanceServer.startSeparate("import_crash", Map.of(),
                List.of("-XX:TieredStopAtLevel=1"))) {
            ImageBytes api = new ImageBytes(server.baseUri());
            Path store = server.imageStore();
            Path staging = server.dataDir().resolve("staging");
            String id = api.createRaw("import-crash-victim");
            HttpResponse<String> staged = stageLarge(api, id);
            assertEquals(204, staged.statusCode(), staged.body());

            assertEquals(202, api.postJson("/v2/images/" + id + "/import",
                    "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());
            api.awaitPartialFile(store, id);
            server.kill();
            assertFalse(partFiles(store).isEmpty(), "the kill should have left a partial file in the store");

            server.restart();
            api = new ImageBytes(server.baseUri());

            JsonObject image = api.show(id);
            assertEquals("queued", image.getString("status"), image.toString());
            assertTrue(image.isNull("size") && image.isNull("checksum"), image.toString());
            assertFalse(image.containsKey("os_glance_import_task"), "the lock is released: " + image);
            JsonObject task = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0);
            assertEquals("failure", task.getString("status"), task.toString());
            assertTrue(task.getString("message").contains("interrupted by a restart"), task.toString());
            assertEquals(List.of(), partFiles(store), "partial files in the store after restart");
            assertEquals(List.of(), storeFiles(store, id));
            assertEquals(List.of(), storeFiles(staging, id), "staged data after restart");
            assertTrue(Files.readString(server.log()).contains("Recovered from an interrupted run: 1 imports failed"),
                    "recovery is logged");

            byte[] data = randomData(4 << 20, 601);
            assertEquals(204, api.put("/v2/images/" + id + "/stage", data,
                    "Content-Type", "application/octet-stream").statusCode());
            assertEquals(202, api.postJson("/v2/images/" + id + "/import",
                    "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());
            String status = api.awaitStatus(id, "active", Duration.ofSeconds(60));
            // Once (CI, H2) the image read 'importing' for a minute after this import had finished; say what
            // the tasks said if it happens again.
            assertEquals("active", status, api.get("/v2/images/" + id + "/tasks").body());
            assertArrayEquals(data, api.download(id).body());
        }
    }

    /** Stages {@value #STAGED} bytes: one MiB of pseudo-random data, over and over, streamed from memory. */
    private static HttpResponse<String> stageLarge(ImageBytes api, String id) {
        byte[] block = randomData(1 << 20, 602);
        InputStream data = new InputStream() {
            private long sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent == STAGED) {
                    return -1;
                }
                int at = (int) (sent % block.length);
                int n = (int) Math.min(Math.min(len, block.length - at), STAGED - sent);
                System.arraycopy(block, at, b, off, n);
                sent += n;
                return n;
            }
        };
        return api.putChunked("/v2/images/" + id + "/stage", data);
    }
}
