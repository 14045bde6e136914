package org.glancejee.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same EAR that PayaraServerEarIT deploys, unchanged, on a real WildFly 39 (Jakarta EE 10) configured by
 * server-config/wildfly/glance.cli: EclipseLink as JPA provider, RESTEasy as JAX-RS, H2 through the server's
 * data source. Used over HTTP as a client would.
 */
class WildFlyEarIT {
    private static WildFlyServer server;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        server = WildFlyServer.start(Path.of(System.getProperty("glance.it.wildflyHome")),
                Path.of(System.getProperty("glance.it.wildflyCli")), Path.of(System.getProperty("glance.it.eclipselink")),
                Path.of(System.getProperty("glance.it.wildflyData")), Path.of(System.getProperty("glance.it.ear")),
                Integer.getInteger("glance.it.wildflyPortOffset", 10000));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void versionsAndHealthAnswer() throws Exception {
        HttpResponse<String> versions = send(HttpRequest.newBuilder(uri("versions")).GET());
        assertEquals(200, versions.statusCode(), versions.body());
        assertTrue(versions.body().contains("\"id\":\"v2.17\",\"status\":\"CURRENT\""), versions.body());
        HttpResponse<String> healthcheck = send(HttpRequest.newBuilder(uri("healthcheck")).GET());
        assertEquals(200, healthcheck.statusCode());
        assertEquals("OK", healthcheck.body());
        HttpResponse<String> openapi = send(HttpRequest.newBuilder(uri("openapi")).GET());
        assertTrue(openapi.body().contains("/v2/images:"), openapi.body());
    }

    @Test
    void wildFlysHealthEndpointsRunTheServicesChecks() throws Exception {
        // WildFly serves MicroProfile Health on its management port
        HttpResponse<String> ready = send(HttpRequest.newBuilder(server.management().resolve("health/ready")).GET());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(List.of("database:UP", "stores:UP"), HealthAnswer.checks(ready.body(), "database", "stores"),
                ready.body());
        HttpResponse<String> live = send(HttpRequest.newBuilder(server.management().resolve("health/live")).GET());
        assertEquals(200, live.statusCode(), live.body());
        assertEquals(List.of("jobs:UP"), HealthAnswer.checks(live.body(), "jobs"), live.body());
    }

    @Test
    void anImageIsCreatedUploadedImportedReadChangedAndDeleted() throws Exception {
        JsonObject created = json(send(HttpRequest.newBuilder(uri("v2/images"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"on-wildfly\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}"))), 201);
        String id = created.getString("id");
        assertEquals("queued", created.getString("status"));
        byte[] data = new byte[2 * 1024 * 1024 + 3];
        new Random(7).nextBytes(data);
        assertEquals(204, send(HttpRequest.newBuilder(uri("v2/images/" + id + "/file"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data))).statusCode());
        JsonObject stored = json(send(HttpRequest.newBuilder(uri("v2/images/" + id)).GET()), 200);
        assertEquals("active", stored.getString("status"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)),
                stored.getString("checksum"));
        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(uri("v2/images/" + id + "/file"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(data, downloaded.body());
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(uri("v2/images/" + id + "/file"))
                .header("Range", "bytes=10-19").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, 20), range.body());

        JsonObject patched = json(send(HttpRequest.newBuilder(uri("v2/images/" + id))
                .header("Content-Type", "application/openstack-images-v2.1-json-patch")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "[{\"op\": \"add\", \"path\": \"/hw_disk_bus\", \"value\": \"virtio\"}]"))), 200);
        assertEquals("virtio", patched.getString("hw_disk_bus"));

        JsonObject staged = json(send(HttpRequest.newBuilder(uri("v2/images")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"disk_format\":\"raw\",\"container_format\":\"bare\"}"))), 201);
        String importId = staged.getString("id");
        assertEquals(204, send(HttpRequest.newBuilder(uri("v2/images/" + importId + "/stage"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data))).statusCode());
        assertEquals(202, send(HttpRequest.newBuilder(uri("v2/images/" + importId + "/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\": {\"name\": \"glance-direct\"}}"))).statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            status = json(send(HttpRequest.newBuilder(uri("v2/images/" + importId)).GET()), 200).getString("status");
            Thread.sleep(200);
        } while (!status.equals("active") && System.nanoTime() < deadline);
        assertEquals("active", status, "the import task ran on WildFly's managed executor");

        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("v2/images/" + java.util.UUID.randomUUID()))
                .header("Accept", "application/json").GET());
        assertEquals(404, missing.statusCode());
        for (String image : new String[] {id, importId}) {
            assertEquals(204, send(HttpRequest.newBuilder(uri("v2/images/" + image)).DELETE()).statusCode());
            assertEquals(404, send(HttpRequest.newBuilder(uri("v2/images/" + image)).GET()).statusCode());
        }
    }

    private URI uri(String path) {
        return server.base().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
