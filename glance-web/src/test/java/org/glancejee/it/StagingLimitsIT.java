package org.glancejee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-project staging quota (unified limit image_stage_total, here 1 MiB): a stage goes through while
 * the project is within it, the next one is refused with 413, and importing the staged data frees it.
 */
@ExtendWith(GlanceServer.class)
class StagingLimitsIT {
    private static final int MIB = 1 << 20;
    private static final String PROJECT = "7a1d0c4e9a8b4e7f8c3d2b1a0f9e8d00";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("staging_limits", Map.of(
            "GLANCE_USE_KEYSTONE_LIMITS", "true",
            "GLANCE_NOAUTH_PROJECT_ID", PROJECT,
            "GLANCE_LIMITS_IMAGE_STAGE_TOTAL", "1",
            "GLANCE_LIMITS_IMAGE_SIZE_TOTAL", "100",
            "GLANCE_LIMITS_IMAGE_COUNT_TOTAL", "10",
            "GLANCE_LIMITS_IMAGE_COUNT_UPLOADING", "5"));

    @Test
    void stagingStopsOnceTheProjectIsOverItsStagingQuotaAndAnImportFreesIt() throws Exception {
        ImageBytes api = SERVER.api();
        String first = api.createRaw("staged-first");
        String second = api.createRaw("staged-second");
        assertEquals(204, stage(api, first, randomData(2 * MIB, 1)).statusCode());
        assertEquals(2, Api.json(api.get("/v2/info/usage")).getJsonObject("usage")
                .getJsonObject("image_stage_total").getInt("usage"));

        HttpResponse<String> refused = stage(api, second, randomData(1024, 2));
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("image_stage_total is over limit of 1 due to current usage 2 and delta 0"),
                refused.body());
        assertEquals("queued", api.status(second));

        assertEquals(202, api.postJson("/v2/images/" + first + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());
        assertEquals("active", api.awaitStatus(first, "active", Duration.ofSeconds(60)));
        assertEquals(0, Api.json(api.get("/v2/info/usage")).getJsonObject("usage")
                .getJsonObject("image_stage_total").getInt("usage"));
        assertEquals(204, stage(api, second, randomData(1024, 2)).statusCode());
    }

    private static HttpResponse<String> stage(ImageBytes api, String id, byte[] data) {
        return api.put("/v2/images/" + id + "/stage", data, "Content-Type", "application/octet-stream");
    }
}
