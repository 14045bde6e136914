package org.glancejee.it.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.glancejee.it.Api;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * glance-download from "another region": Keystone's catalog gets a second image endpoint in region RegionTwo
 * (pointing at the same server, the only one there is), and an image is imported from it with the user's
 * own token, taking its data, formats and the properties Glance copies (hw_*, os_distro, ...).
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class GlanceDownloadIT {
    private static final String REGION_TWO = "RegionTwo";

    private final ImageBytes api = ImageBytes.shared();

    @Test
    void anImageOfAnotherRegionIsDownloadedWithTheCallersToken() throws Exception {
        Keystone keystone = KeystoneServer.keystone();
        String token = keystone.token(ALPHA_MEMBER).id();
        String endpointId = addRegionTwoEndpoint(keystone);
        try {
            byte[] data = randomData(3 << 20, 901);
            String source = create(token, "{\"name\": \"remote-source\", \"disk_format\": \"raw\","
                    + " \"container_format\": \"bare\", \"hw_disk_bus\": \"virtio\", \"os_distro\": \"cirros\","
                    + " \"not_copied\": \"x\"}");
            HttpResponse<String> upload = api.put("/v2/images/" + source + "/file", data,
                    "X-Auth-Token", token, "Content-Type", "application/octet-stream");
            assertEquals(204, upload.statusCode(), upload.body());

            String target = create(token, "{\"name\": \"downloaded\", \"disk_format\": \"qcow2\","
                    + " \"container_format\": \"ovf\"}");
            HttpResponse<String> accepted = importFrom(token, target, REGION_TWO, source);
            assertEquals(202, accepted.statusCode(), accepted.body());

            JsonObject task = awaitTask(token, target);
            assertEquals("success", task.getString("status"), task.toString());
            JsonObject image = Api.json(api.get("/v2/images/" + target, "X-Auth-Token", token));
            assertEquals("active", image.getString("status"));
            assertEquals("raw", image.getString("disk_format"), "the remote image's formats");
            assertEquals("bare", image.getString("container_format"));
            assertEquals("virtio", image.getString("hw_disk_bus"));
            assertEquals("cirros", image.getString("os_distro"));
            assertFalse(image.containsKey("not_copied"), image.toString());
            HttpResponse<byte[]> download = api.download(target, "X-Auth-Token", token);
            assertArrayEquals(data, download.body());
        } finally {
            keystone.asAdmin("DELETE", "/endpoints/" + endpointId, null, 204);
        }
    }

    @Test
    void aRegionWithoutAnImageServiceFailsTheTask() throws Exception {
        String token = KeystoneServer.keystone().token(ALPHA_MEMBER).id();
        String target = create(token, "{\"name\": \"nowhere\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        assertEquals(202, importFrom(token, target, "NoSuchRegion", java.util.UUID.randomUUID().toString())
                .statusCode());
        JsonObject task = awaitTask(token, target);
        assertEquals("failure", task.getString("status"));
        assertTrue(task.getString("message").contains("No public image service endpoint in region NoSuchRegion"),
                task.toString());
        assertEquals("queued", Api.json(api.get("/v2/images/" + target, "X-Auth-Token", token)).getString("status"));
    }

    @Test
    void theRemoteImageIdMustBeAUuid() {
        String token = KeystoneServer.keystone().token(ALPHA_MEMBER).id();
        String target = create(token, "{\"name\": \"bad-id\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        HttpResponse<String> refused = importFrom(token, target, REGION_TWO, "not-a-uuid");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Remote image id does not look like a UUID"), refused.body());
    }

    private String addRegionTwoEndpoint(Keystone keystone) {
        List<JsonObject> regions = Keystone.json(keystone.asAdmin("GET", "/regions", null, 200))
                .getJsonArray("regions").getValuesAs(JsonObject.class);
        if (regions.stream().noneMatch(r -> r.getString("id").equals(REGION_TWO))) {
            keystone.asAdmin("POST", "/regions", Json.createObjectBuilder().add("region",
                    Json.createObjectBuilder().add("id", REGION_TWO)).build().toString(), 201);
        }
        JsonObject endpoint = Json.createObjectBuilder().add("endpoint", Json.createObjectBuilder()
                .add("service_id", keystone.imageServiceId()).add("interface", "public")
                .add("url", GlanceServer.baseUri().toString()).add("region_id", REGION_TWO)).build();
        return Keystone.json(keystone.asAdmin("POST", "/endpoints", endpoint.toString(), 201))
                .getJsonObject("endpoint").getString("id");
    }

    private String create(String token, String json) {
        HttpResponse<String> created = api.postJson("/v2/images", json, "X-Auth-Token", token);
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).getString("id");
    }

    private HttpResponse<String> importFrom(String token, String target, String region, String remoteId) {
        return api.postJson("/v2/images/" + target + "/import", "{\"method\": {\"name\": \"glance-download\","
                + " \"glance_region\": \"" + region + "\", \"glance_image_id\": \"" + remoteId + "\"}}",
                "X-Auth-Token", token);
    }

    private JsonObject awaitTask(String token, String imageId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonObject task = Api.json(api.get("/v2/images/" + imageId + "/tasks", "X-Auth-Token", token))
                    .getJsonArray("tasks").getJsonObject(0);
            String status = task.getString("status");
            if (status.equals("success") || status.equals("failure") || System.nanoTime() > deadline) {
                return task;
            }
            Thread.sleep(100);
        }
    }
}
