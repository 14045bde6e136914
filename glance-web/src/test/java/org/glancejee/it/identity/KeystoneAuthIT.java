package org.glancejee.it.identity;

import jakarta.json.JsonObject;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.glancejee.it.identity.Fixtures.BETA_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** auth_strategy=keystone: tokens from a real Keystone decide who the caller is. */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class KeystoneAuthIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static HttpResponse<String> send(String method, String path, String token, String json, String... headers) {
        return ImageBytes.shared().send(method, path, json, ImageBytes.withToken(token, headers));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Keystone uri=\"" + KeystoneServer.fixtures().rootUrl() + "\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void withoutATokenTheApiAnswers401AndSaysWhereToAuthenticate() {
        HttpResponse<String> response = send("GET", "/v2/images", null, null, "Accept", "*/*");
        assertUnauthorized(response);
        assertTrue(response.body().contains("<title>401 Unauthorized</title>"), response.body());
        assertUnauthorized(send("GET", "/v2/schemas/image", null, null));
        assertUnauthorized(send("POST", "/v2/images", null, "{}"));
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertUnauthorized(send("GET", "/v2/images", "gAAAAABnot-a-real-token", null));
    }

    @Test
    void versionsAndHealthNeedNoToken() {
        assertEquals(300, send("GET", "/", null, null).statusCode());
        assertEquals(200, send("GET", "/versions", null, null).statusCode());
        assertEquals(200, send("GET", "/healthcheck", null, null).statusCode());
    }

    @Test
    void aValidTokenActsForItsProject() {
        Keystone.Token alpha = KeystoneServer.keystone().token(ALPHA_MEMBER);
        HttpResponse<String> created = send("POST", "/v2/images", alpha.id(),
                "{\"name\": \"auth-it\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject image = Keystone.json(created);
        assertEquals(alpha.projectId(), image.getString("owner"));
        String id = image.getString("id");
        assertEquals(200, send("GET", "/v2/images/" + id, alpha.id(), null).statusCode());
        Keystone.Token beta = KeystoneServer.keystone().token(BETA_MEMBER);
        assertEquals(404, send("GET", "/v2/images/" + id, beta.id(), null).statusCode(),
                "another project's shared image without membership is hidden");
    }

    @Test
    void aRevokedTokenStopsWorkingWithinTheCacheTime() throws Exception {
        Keystone.Token token = KeystoneServer.keystone().token(BETA_MEMBER);
        assertEquals(200, send("GET", "/v2/images", token.id(), null).statusCode());
        KeystoneServer.keystone().revoke(token.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(KeystoneServer.TOKEN_CACHE_SECONDS + 5).toNanos();
        int status;
        do {
            Thread.sleep(250);
            status = send("GET", "/v2/images", token.id(), null).statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertEquals(401, status, "revoked token still accepted after token_cache_time");
    }

    @Test
    void anUnreachableKeystoneIsAServiceOutageNotTheCallersFault() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (org.glancejee.it.GlanceProcess server = GlanceServer.startSeparate("keystone_down", java.util.Map.of(
                "GLANCE_KEYSTONE_AUTHTOKEN_AUTH_URL", "http://127.0.0.1:" + closedPort + "/v3"), java.util.List.of())) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(server.baseUri() + "/v2/images"))
                    .header("X-Auth-Token", KeystoneServer.keystone().token(ALPHA_MEMBER).id())
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.body().contains("The Keystone service is temporarily unavailable."), response.body());
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void anInvalidServiceTokenIsRefusedEvenWithAValidUserToken() {
        Keystone.Token alpha = KeystoneServer.keystone().token(ALPHA_MEMBER);
        assertUnauthorized(send("GET", "/v2/images", alpha.id(), null, "X-Service-Token", "bogus"));
    }
}
