package org.glancejee.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EAR exactly as {@code mvn package} builds it, deployed on a real Payara Server 6 (unpacked from Maven
 * Central into target/payara-server, throw-away domain on port base 28000, see pom.xml and arquillian.xml),
 * and used over HTTP the way a client would: version discovery and one image's life from create through
 * upload and download to delete.
 * Arquillian starts the domain, deploys, undeploys and stops the domain again, also when a test fails.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraServerEarIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("glance.it.ear", "target/glance.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void versionsNameV217AsCurrent() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("versions")).GET());

        assertEquals(200, response.statusCode(), response::body);
        JsonObject current = json(response).getJsonArray("versions").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("id").equals("v2.17"))
                .findFirst().orElseThrow(() -> new AssertionError("no v2.17 in " + response.body()));
        assertEquals("CURRENT", current.getString("status"));
    }

    @Test
    void imageIsCreatedReadAndDeleted() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("v2/images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"ear-check\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}")));

        assertEquals(201, created.statusCode(), created::body);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("201 without a Location header"));
        JsonObject image = json(created);
        assertEquals("queued", image.getString("status"));
        assertEquals("ear-check", image.getString("name"));
        String id = image.getString("id");
        assertFalse(id.isBlank());
        assertTrue(location.endsWith("/v2/images/" + id), () -> "Location " + location + " is not image " + id);

        URI imageUri = uri("v2/images/" + id);
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(42).nextBytes(data);
        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(uri("v2/images/" + id + "/file"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
        assertEquals(204, uploaded.statusCode(), uploaded::body);

        HttpResponse<String> read = send(HttpRequest.newBuilder(imageUri).GET());
        assertEquals(200, read.statusCode(), read::body);
        JsonObject stored = json(read);
        assertEquals("ear-check", stored.getString("name"));
        assertEquals(id, stored.getString("id"));
        assertEquals("active", stored.getString("status"));
        assertEquals(data.length, stored.getJsonNumber("size").longValue());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data)),
                stored.getString("checksum"));

        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(uri("v2/images/" + id + "/file"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, downloaded.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(data, downloaded.body());

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(imageUri).DELETE());
        assertEquals(204, deleted.statusCode(), deleted::body);

        HttpResponse<String> gone = send(HttpRequest.newBuilder(imageUri).GET());
        assertEquals(404, gone.statusCode(), gone::body);
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm().replaceAll("/*$", "/")).resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
