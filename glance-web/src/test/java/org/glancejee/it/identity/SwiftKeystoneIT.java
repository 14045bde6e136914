package org.glancejee.it.identity;

import jakarta.json.JsonObject;
import org.glancejee.it.Api;
import org.glancejee.it.GlanceProcess;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.glancejee.store.swift.SwiftServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Swift store authenticating with Keystone v3 (the store's own user and project, the object-store endpoint
 * from the token's catalog) against Debian's Swift behind authtoken and keystoneauth: an image is written in
 * segments, served whole and in ranges, and deleted from the project's account; a store whose password is wrong
 * answers 503 and leaves the image queued.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class SwiftKeystoneIT {
    private static final String CONTAINER = "glance-keystone";
    private static final String WRONG_KEY = "not-the-key-4e2";

    @Test
    void imagesGoToTheProjectsAccountThroughKeystoneAndAWrongPasswordIsA503() throws Exception {
        Fixtures fixtures = KeystoneServer.fixtures();
        Fixtures.User admin = fixtures.user(Fixtures.ADMIN);
        Fixtures.User owner = fixtures.user(Fixtures.ALPHA_MEMBER);
        Path state = Path.of(System.getProperty("glance.it.workdir", "target/it"), "swift-keystone");
        try (SwiftServer swift = SwiftServer.startWithKeystone(state, fixtures.authUrl(), admin.name(),
                admin.password(), admin.projectName());
             GlanceProcess server = GlanceServer.startSeparate("swift_keystone", environment(fixtures, owner),
                     List.of())) {
            ImageBytes api = new ImageBytes(server.baseUri());
            String token = KeystoneServer.keystone().token(Fixtures.ALPHA_MEMBER).id();
            String id = Api.json(api.postJson("/v2/images", "{\"name\": \"in-swift\", \"disk_format\": \"raw\","
                    + " \"container_format\": \"bare\"}", "X-Auth-Token", token)).getString("id");
            byte[] data = randomData(6 * 1024 * 1024 + 5, 3301);
            HttpResponse<String> uploaded = api.upload(id, data, "X-Auth-Token", token);
            assertEquals(204, uploaded.statusCode(), uploaded.body());
            JsonObject image = Api.json(api.get("/v2/images/" + id, "X-Auth-Token", token));
            assertEquals("active", image.getString("status"));
            assertEquals("swift", image.getString("stores"));
            assertArrayEquals(data, api.download(id, "X-Auth-Token", token).body());
            HttpResponse<byte[]> range = api.download(id, "X-Auth-Token", token, "Range", "bytes=4194300-4194310");
            assertEquals(206, range.statusCode());
            assertArrayEquals(Arrays.copyOfRange(data, 4194300, 4194311), range.body(), "across two segments");

            URI container = URI.create(swift.accountOf(owner.projectId()) + "/" + CONTAINER);
            assertTrue(objects(container, token) >= 2, "stored in segments in alpha's account");
            assertEquals(204, api.delete("/v2/images/" + id, "X-Auth-Token", token).statusCode());
            assertEquals(0, objects(container, token), "deleted with its segments");

            String refused = Api.json(api.postJson("/v2/images", "{\"name\": \"locked-out\", \"disk_format\":"
                    + " \"raw\", \"container_format\": \"bare\"}", "X-Auth-Token", token)).getString("id");
            HttpResponse<String> locked = api.upload(refused, data, "X-Auth-Token", token,
                    "X-Image-Meta-Store", "locked");
            assertEquals(503, locked.statusCode(), locked.body());
            assertFalse(locked.body().contains(WRONG_KEY), locked.body());
            assertEquals("queued", Api.json(api.get("/v2/images/" + refused, "X-Auth-Token", token))
                    .getString("status"));
        }
    }

    /** A server whose stores log in to Keystone as alpha's member: "swift" rightly, "locked" with a wrong key. */
    private static Map<String, String> environment(Fixtures fixtures, Fixtures.User owner) {
        Map<String, String> env = new java.util.LinkedHashMap<>(KeystoneServer.glanceEnvironment());
        env.put("GLANCE_ENABLED_BACKENDS", "swift:swift,locked:swift");
        env.put("GLANCE_GLANCE_STORE_DEFAULT_BACKEND", "swift");
        for (String store : new String[] {"SWIFT", "LOCKED"}) {
            String prefix = "GLANCE_" + store + "_SWIFT_STORE_";
            env.put(prefix + "AUTH_VERSION", "3");
            env.put(prefix + "AUTH_ADDRESS", fixtures.authUrl().toString());
            env.put(prefix + "USER", owner.name());
            env.put(prefix + "KEY", store.equals("SWIFT") ? owner.password() : WRONG_KEY);
            env.put(prefix + "PROJECT_NAME", owner.projectName());
            env.put(prefix + "USER_DOMAIN_NAME", fixtures.userDomainName());
            env.put(prefix + "PROJECT_DOMAIN_NAME", fixtures.projectDomainName());
            env.put(prefix + "CONTAINER", CONTAINER);
            env.put(prefix + "CREATE_CONTAINER_ON_PUT", "true");
            env.put(prefix + "LARGE_OBJECT_SIZE", "5");
            env.put(prefix + "LARGE_OBJECT_CHUNK_SIZE", "4");
        }
        return env;
    }

    private static long objects(URI container, String token) throws Exception {
        HttpResponse<String> listing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(container)
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        if (listing.statusCode() == 404 || listing.statusCode() == 204) {
            return 0; // no container, or an empty one
        }
        assertEquals(200, listing.statusCode(), listing.body());
        return listing.body().lines().filter(l -> !l.isBlank()).count();
    }
}
