package org.glancejee.it.identity;

import org.glancejee.it.GlanceProcess;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.glancejee.it.identity.Fixtures.ALPHA_READER;
import static org.glancejee.it.identity.Fixtures.BETA_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's policy file (YAML, oslo.policy's format) changes who may do what, and a property
 * protection file in the policies format names rules from it.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class PolicyFileIT {
    private static GlanceProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("policy-file-it");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                # members may publish; listing needs the member role; a rule only the file defines
                "publicize_image": "role:admin or (role:member and project_id:%(project_id)s)"
                "get_images": "rule:project_member_only"
                "project_member_only": "role:member"
                "billing_writer": "role:admin"
                """);
        Path protections = dir.resolve("property-protections.conf");
        Files.writeString(protections, """
                [^x_billing_]
                create = billing_writer
                read = @
                update = billing_writer
                delete = !

                [.*]
                create = @
                read = @
                update = @
                delete = @
                """);
        server = GlanceServer.startSeparate("policy_file", Map.of(
                "GLANCE_OSLO_POLICY_POLICY_FILE", policy.toString(),
                "GLANCE_PROPERTY_PROTECTION_FILE", protections.toString(),
                "GLANCE_PROPERTY_PROTECTION_RULE_FORMAT", "policies"), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theFileReplacesDefaults() {
        String member = KeystoneServer.keystone().token(ALPHA_MEMBER).id();
        String reader = KeystoneServer.keystone().token(ALPHA_READER).id();
        assertEquals(201, send("POST", "/v2/images", member, "{\"visibility\": \"public\"}").statusCode(),
                "publicize_image now lets members publish");
        assertEquals(200, send("GET", "/v2/images", member, null).statusCode());
        HttpResponse<String> refused = send("GET", "/v2/images", reader, null);
        assertEquals(403, refused.statusCode(), "get_images now needs the member role");
        assertTrue(refused.body().contains("get_images"), refused.body());
    }

    @Test
    void propertyProtectionsNameRulesOfTheFile() {
        String member = KeystoneServer.keystone().token(BETA_MEMBER).id();
        String admin = KeystoneServer.keystone().token(Fixtures.ADMIN).id();
        HttpResponse<String> refused = send("POST", "/v2/images", member, "{\"x_billing_code\": \"42\"}");
        assertEquals(403, refused.statusCode(), "billing_writer is role:admin: " + refused.body());
        assertTrue(refused.body().contains("x_billing_code"), refused.body());
        HttpResponse<String> created = send("POST", "/v2/images", admin, "{\"x_billing_code\": \"42\"}");
        assertEquals(201, created.statusCode(), created.body());
        String id = Keystone.json(created).getString("id");
        HttpResponse<String> update = send("PATCH", "/v2/images/" + id, admin,
                "[{\"op\": \"replace\", \"path\": \"/x_billing_code\", \"value\": \"43\"}]");
        assertEquals(200, update.statusCode(), update.body());
        assertEquals("43", Keystone.json(update).getString("x_billing_code"));
        HttpResponse<String> delete = send("PATCH", "/v2/images/" + id, admin,
                "[{\"op\": \"remove\", \"path\": \"/x_billing_code\"}]");
        assertEquals(403, delete.statusCode(), "delete = ! closes removal even to admins: " + delete.body());
        assertEquals(201, send("POST", "/v2/images", member, "{\"x_other\": \"1\"}").statusCode(),
                "[.*] leaves other properties open");
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) {
        return new ImageBytes(server.baseUri()).send(method, path, body, ImageBytes.withToken(token));
    }
}
