package org.glancejee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glance's delayed delete: a deleted image disappears for users at once but keeps its data until the
 * scrubber, after scrub_time, removes it from the store; until then an admin can restore it, over the API or
 * JMX. The scrubber's runs are visible over JMX.
 */
@ExtendWith(GlanceServer.class)
class DelayedDeleteIT {
    private static final int SCRUB_SECONDS = 4;
    private static final int JMX_PORT = Jmx.freePort();

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("delayed_delete", Map.of(
            "GLANCE_DELAYED_DELETE", "true",
            "GLANCE_SCRUB_TIME", String.valueOf(SCRUB_SECONDS),
            "GLANCE_WAKEUP_TIME", "1",
            "GLANCE_DB_PURGE_AGE_IN_DAYS", "0"), Jmx.serverOptions(JMX_PORT));

    @Test
    void theScrubberRemovesTheDataOfADeletedImageAfterScrubTime() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("scrubbed");
        api.uploadOk(id, randomData(200_000, 1001));
        Path file = SERVER.store().resolve(id);
        assertTrue(Files.exists(file));

        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
        assertEquals(404, api.get("/v2/images/" + id).statusCode(), "deleted for users at once");
        assertTrue(Files.exists(file), "the data waits for the scrubber");

        long deadline = System.nanoTime() + Duration.ofSeconds(SCRUB_SECONDS + 30).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(Files.notExists(file), "scrubbed after scrub_time");
        assertEquals(409, api.post("/v2/images/" + id + "/actions/restore").statusCode(),
                "a scrubbed image cannot come back");
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            String job = "org.glancejee:type=Job,name=\"scrubber\"";
            assertTrue((Long) jmx.attribute(job, "Runs") > 0);
            assertEquals("", jmx.attribute(job, "LastError"));
            assertEquals(0L, jmx.attribute(job, "Backlog"));
        }
    }

    @Test
    void thePurgeRemovesSoftDeletedRowsWhenAnOperatorRunsIt() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("purged");
        assertEquals(200, api.postJson("/v2/images/" + id + "/members", "{\"member\": \"some-project\"}")
                .statusCode());
        assertEquals(204, api.delete("/v2/images/" + id + "/members/some-project").statusCode());
        Thread.sleep(50);
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            String purge = "org.glancejee:type=Job,name=\"db_purge\"";
            assertTrue((Long) jmx.invoke(purge, "runNow") >= 1, "the removed membership's row goes");
            assertEquals(0L, jmx.invoke(purge, "runNow"), "nothing is left to purge");
            assertEquals("", jmx.attribute(purge, "LastError"));
        }
        assertEquals("queued", api.status(id), "live rows stay");
    }

    @Test
    void stagedDataNoImageUsesGoesWhenTheStagingCleanupRuns() throws Exception {
        ImageBytes api = SERVER.api();
        String staged = api.createRaw("still-staged");
        assertEquals(204, api.put("/v2/images/" + staged + "/stage", randomData(1000, 1003),
                "Content-Type", "application/octet-stream").statusCode());
        Path stray = SERVER.staging().resolve(java.util.UUID.randomUUID().toString());
        Files.write(stray, new byte[100]);
        java.nio.file.attribute.FileTime twoHoursAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(stray, twoHoursAgo);
        Files.setLastModifiedTime(SERVER.staging().resolve(staged), twoHoursAgo);
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            assertEquals(1L, jmx.invoke("org.glancejee:type=Job,name=\"staging_cleanup\"", "runNow"));
        }
        assertTrue(Files.notExists(stray), "nothing claims it");
        assertTrue(Files.exists(SERVER.staging().resolve(staged)), "an uploading image's data stays");
        assertEquals("uploading", api.status(staged));
    }

    @Test
    void anAdminRestoresAnImageDeletedByMistakeBeforeTheScrubberComes() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(100_000, 1002);
        String overApi = api.createRaw("restored-over-api");
        api.uploadOk(overApi, data);
        assertEquals(204, api.delete("/v2/images/" + overApi).statusCode());
        assertEquals(204, api.post("/v2/images/" + overApi + "/actions/restore").statusCode());
        assertEquals("active", api.status(overApi));
        assertArrayEquals(data, api.download(overApi).body());

        String overJmx = api.createRaw("restored-over-jmx");
        api.uploadOk(overJmx, data);
        assertEquals(204, api.delete("/v2/images/" + overJmx).statusCode());
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            jmx.invoke("org.glancejee:type=Scrubber", "restore", overJmx);
        }
        assertEquals("active", api.status(overJmx));
        assertArrayEquals(data, api.download(overJmx).body());

        Thread.sleep((SCRUB_SECONDS + 3) * 1000L);
        assertArrayEquals(data, api.download(overApi).body(), "the scrubber leaves a restored image alone");
        assertEquals(409, api.post("/v2/images/" + overApi + "/actions/restore").statusCode(),
                "only a pending_delete image can be restored");
    }

    @Test
    void dataThatCouldNotBeRemovedIsTriedAgainAndItsImageCanNoLongerBeRestored() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("hard-to-scrub");
        api.uploadOk(id, randomData(50_000, 1004));
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
        // A non-empty directory where the file was: the store's delete fails until it goes.
        Path file = SERVER.store().resolve(id);
        Files.delete(file);
        Files.createDirectory(file);
        Files.write(file.resolve("pinned"), new byte[1]);

        String scrubber = "org.glancejee:type=Job,name=\"scrubber\"";
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(SCRUB_SECONDS + 30).toNanos();
            while ((Long) jmx.attribute(scrubber, "LastFailed") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(1L, jmx.attribute(scrubber, "LastFailed"), "the scrubber could not remove it");
            assertEquals(409, api.post("/v2/images/" + id + "/actions/restore").statusCode(),
                    "once the scrubber has begun removing its data, an image cannot come back");
            assertEquals(404, api.get("/v2/images/" + id).statusCode());

            Files.delete(file.resolve("pinned"));
            Files.delete(file);
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (((Long) jmx.attribute(scrubber, "Backlog") > 0 || (Long) jmx.attribute(scrubber, "LastFailed") > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(0L, jmx.attribute(scrubber, "LastFailed"), "tried again and done");
            assertEquals(0L, jmx.attribute(scrubber, "Backlog"));
        }
        assertEquals(409, api.post("/v2/images/" + id + "/actions/restore").statusCode());
    }
}
