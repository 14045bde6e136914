package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with a property protection file (roles format). In noauth mode the caller's only role is
 * admin, so the file grants or denies by whether a section lists admin.
 */
@ExtendWith(GlanceServer.class)
class PropertyProtectionsIT {
    private static final String RULES = """
            [^x_hidden_]
            create = admin
            read = !
            update = !
            delete = !

            [^x_member_only_]
            create = member
            read = member
            update = member
            delete = member

            [^x_frozen_]
            create = admin
            read = admin
            update = !
            delete = !

            [.*]
            create = admin
            read = admin
            update = admin
            delete = admin
            """;
    private static GlanceProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path file = Files.createTempFile("property-protections", ".conf");
        Files.writeString(file, RULES);
        server = GlanceServer.startSeparate("protections", Map.of("GLANCE_PROPERTY_PROTECTION_FILE", file.toString()),
                List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aPropertyTheCallerMayNotCreateIsReserved() throws Exception {
        HttpResponse<String> refused = send("POST", "/v2/images", "application/json", """
                {"name": "p", "x_member_only_a": "1"}""");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Attribute &#x27;x_member_only_a&#x27; is reserved."), refused.body());
    }

    @Test
    void anUnreadablePropertyIsLeftOutOfEveryViewAndCannotBeTouched() throws Exception {
        HttpResponse<String> created = send("POST", "/v2/images", "application/json", """
                {"name": "p", "x_hidden_secret": "s3", "x_frozen_build": "42", "plain": "v"}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject image = json(created);
        assertFalse(image.containsKey("x_hidden_secret"), "created, but not readable: " + image);
        assertEquals("42", image.getString("x_frozen_build"));
        String id = image.getString("id");

        JsonObject shown = json(send("GET", "/v2/images/" + id, null, null));
        assertFalse(shown.containsKey("x_hidden_secret"));
        assertEquals("v", shown.getString("plain"));
        String listed = send("GET", "/v2/images?name=p", null, null).body();
        assertFalse(listed.contains("x_hidden_secret"), listed);

        HttpResponse<String> remove = send("PATCH", "/v2/images/" + id, Api.PATCH_V21, """
                [{"op": "remove", "path": "/x_hidden_secret"}]""");
        assertEquals(409, remove.statusCode(), "to this caller it does not exist: " + remove.body());
        HttpResponse<String> update = send("PATCH", "/v2/images/" + id, Api.PATCH_V21, """
                [{"op": "replace", "path": "/x_frozen_build", "value": "43"}]""");
        assertEquals(403, update.statusCode());
        assertTrue(update.body().contains("Attribute &#x27;x_frozen_build&#x27; is reserved."), update.body());
        HttpResponse<String> delete = send("PATCH", "/v2/images/" + id, Api.PATCH_V21, """
                [{"op": "remove", "path": "/x_frozen_build"}]""");
        assertEquals(403, delete.statusCode());
        HttpResponse<String> allowed = send("PATCH", "/v2/images/" + id, Api.PATCH_V21, """
                [{"op": "replace", "path": "/plain", "value": "w"}]""");
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals("42", json(allowed).getString("x_frozen_build"));
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) {
        return new ImageBytes(server.baseUri()).send(method, path, body,
                contentType == null ? new String[] {"Accept", "*/*"}
                        : new String[] {"Accept", "*/*", "Content-Type", contentType});
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
