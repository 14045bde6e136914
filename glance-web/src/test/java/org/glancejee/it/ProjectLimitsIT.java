package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageDataIT.assertNothingStored;
import static org.glancejee.it.ImageDataIT.assertRecorded;
import static org.glancejee.it.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-project unified limits ({@code use_keystone_limits}) taken from the server's settings, with real
 * bytes, on a server of its own whose noauth callers act for one project. That project has its own
 * image_count_total (4, over the default of 2), and the defaults image_size_total 2 MiB and
 * image_count_uploading 1; image_stage_total is unset, so 0. The tests use the project's images step by
 * step, so they run in order (what each starts from is noted on it).
 */
@ExtendWith(GlanceServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectLimitsIT {
    private static final int MIB = 1 << 20;
    private static final String PROJECT = "5f1d0c4e9a8b4e7f8c3d2b1a0f9e8d7c";
    private static final String OVER = "The request returned a 413 Request Entity Too Large. This generally means that"
            + " rate limiting or a quota threshold was breached.\n\nThe response body:\nProject " + PROJECT
            + " is over a limit for [Resource ";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("limits", Map.of(
                "GLANCE_USE_KEYSTONE_LIMITS", "true",
                "GLANCE_NOAUTH_PROJECT_ID", PROJECT,
                "GLANCE_LIMITS_IMAGE_COUNT_TOTAL", "2",
                "GLANCE_LIMITS_" + PROJECT.toUpperCase(Locale.ROOT) + "_IMAGE_COUNT_TOTAL", "4",
                "GLANCE_LIMITS_IMAGE_SIZE_TOTAL", "2",
                "GLANCE_LIMITS_IMAGE_COUNT_UPLOADING", "1",
                        // Not applied with unified limits, as in Glance.
                "GLANCE_USER_STORAGE_QUOTA", "1B"));

    @Test
    @Order(1)
    void usageShowsEveryResourceWithItsLimit() {
        assertUsage(0, 0, 0);
    }

    /** No images yet. One upload at a time: a second one while the first streams is refused, and put back. */
    @Test
    @Order(2)
    void aSecondUploadAtOnceIsOverImageCountUploading() throws Exception {
        String streaming = SERVER.api().createRaw("limits-streaming");
        String second = SERVER.api().createRaw("limits-second");
        byte[] data = randomData(MIB / 2, 1);

        try (Socket socket = SERVER.api().startUpload(streaming, -1, data)) {
            SERVER.api().awaitPartialFile(SERVER.store(), streaming);
            assertEquals(1, usage().getJsonObject("image_count_uploading").getInt("usage"));

            HttpResponse<String> refused = SERVER.api().upload(second, randomData(1024, 2));
            assertRefused(refused, 413, (OVER + "image_count_uploading is over limit of 1 due to current usage 2 and"
                    + " delta 0]").replace('\n', ' '));
            assertNothingStored(SERVER.api(), SERVER.store(), second);

            HttpResponse<String> json = SERVER.api().upload(second, randomData(1024, 2), "Accept", "application/json");
            assertEquals(413, json.statusCode());
            assertEquals(OVER + "image_count_uploading is over limit of 1 due to current usage 2 and delta 0]"
                    + "<br /><br />\n\n\n", parse(json.body()).getString("message"));

            assertEquals(204, ImageBytes.finishChunkedUpload(socket).status());
        }
        assertRecorded(SERVER.api().show(streaming), data);
        assertNothingStored(SERVER.api(), SERVER.store(), second);
    }

    /**
     * Two images, 0.5 MiB stored. image_size_total is checked before an upload with nothing added for it, as in
     * Glance: uploads go through while the project is within 2 MiB, and the one that takes it over is the
     * last. Far more than the 1 byte of user_storage_quota, which unified limits replace.
     */
    @Test
    @Order(3)
    void uploadsStopOnceTheProjectIsOverImageSizeTotal() throws Exception {
        String third = SERVER.api().createRaw("limits-third");
        String fourth = SERVER.api().createRaw("limits-fourth");
        String second = idOf("limits-second");

        assertEquals(204, SERVER.api().upload(second, randomData(2 * MIB, 3)).statusCode());
        assertEquals(204, SERVER.api().uploadChunked(third, randomData(MIB, 4)).statusCode());

        HttpResponse<String> refused = SERVER.api().upload(fourth, randomData(1024, 5));
        assertRefused(refused, 413, (OVER + "image_size_total is over limit of 2 due to current usage 3 and delta 0]")
                .replace('\n', ' '));
        assertNothingStored(SERVER.api(), SERVER.store(), fourth);
    }

    /** Four images: the project's own limit of 4 holds (not the default 2), and a fifth is not created. */
    @Test
    @Order(4)
    void aFifthImageIsOverTheProjectsImageCountTotal() {
        HttpResponse<String> refused = SERVER.api().postJson("/v2/images", "{\"name\":\"limits-fifth\"}");

        assertRefused(refused, 413, (OVER + "image_count_total is over limit of 4 due to current usage 4 and delta"
                + " 1]").replace('\n', ' '));
        assertEquals(4, images().size());
        assertTrue(images().stream().noneMatch(i -> i.getString("name").equals("limits-fifth")));
    }

    /** Four images, 3.5 MiB stored; then one deleted makes room for one more. */
    @Test
    @Order(5)
    void usageAfterwardsAndDeletingMakesRoom() {
        assertUsage(3, 4, 0);

        assertEquals(204, SERVER.api().delete("/v2/images/" + idOf("limits-fourth")).statusCode());
        SERVER.api().create("{\"name\":\"limits-fifth\"}");
        assertUsage(3, 4, 0);
    }

    private static void assertUsage(int sizeMiB, int count, int uploading) {
        HttpResponse<String> response = SERVER.api().get("/v2/info/usage");
        assertEquals(200, response.statusCode());
        assertEquals("{\"usage\":{"
                + "\"image_size_total\":{\"usage\":" + sizeMiB + ",\"limit\":2},"
                + "\"image_stage_total\":{\"usage\":0,\"limit\":0},"
                + "\"image_count_total\":{\"usage\":" + count + ",\"limit\":4},"
                + "\"image_count_uploading\":{\"usage\":" + uploading + ",\"limit\":1}}}", response.body());
    }

    private static JsonObject usage() {
        return parse(SERVER.api().get("/v2/info/usage").body()).getJsonObject("usage");
    }

    private static List<JsonObject> images() {
        return parse(SERVER.api().get("/v2/images").body()).getJsonArray("images").getValuesAs(JsonObject.class);
    }

    private static String idOf(String name) {
        return images().stream().filter(i -> i.getString("name").equals(name)).findFirst().orElseThrow()
                .getString("id");
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
