package org.glancejee.it.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.glancejee.it.Api;
import org.glancejee.it.GlanceProcess;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.glancejee.it.Jmx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replicator logs in to a peer with Keystone: a server of its own replicates to the shared server (the
 * image endpoint in Keystone) as the admin user; a peer configured with a wrong password is reported as such,
 * without the password.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class KeystoneReplicationIT {
    private static final String REPLICATOR = "org.glancejee:type=Replicator";
    private static final String WRONG_PASSWORD = "not-the-password-7d1";

    @Test
    void aPeerIsReachedWithAKeystoneLoginAndARefusedLoginIsReported() throws Exception {
        Fixtures fixtures = KeystoneServer.fixtures();
        Fixtures.User admin = fixtures.user(Fixtures.ADMIN);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GLANCE_REPLICATOR_TARGETS", "shared,locked");
        env.put("GLANCE_REPLICATOR_INTERVAL", "0");
        for (String peer : new String[] {"SHARED", "LOCKED"}) {
            String prefix = "GLANCE_REPLICATOR_" + peer + "_";
            env.put(prefix + "URL", GlanceServer.baseUri().toString());
            env.put(prefix + "AUTH_URL", fixtures.authUrl().toString());
            env.put(prefix + "USERNAME", admin.name());
            env.put(prefix + "PASSWORD", peer.equals("SHARED") ? admin.password() : WRONG_PASSWORD);
            env.put(prefix + "PROJECT_NAME", admin.projectName());
            env.put(prefix + "USER_DOMAIN_NAME", fixtures.userDomainName());
            env.put(prefix + "PROJECT_DOMAIN_NAME", fixtures.projectDomainName());
        }
        int jmxPort = Jmx.freePort();
        Keystone keystone = KeystoneServer.keystone();
        try (GlanceProcess source = GlanceServer.startSeparate("replication_keystone", env,
                Jmx.serverOptions(jmxPort))) {
            ImageBytes here = new ImageBytes(source.baseUri());
            Keystone.Token member = keystone.token(ALPHA_MEMBER);
            HttpResponse<String> created = here.postJson("/v2/images", "{\"name\": \"replicated-with-keystone\","
                    + " \"disk_format\": \"raw\", \"container_format\": \"bare\"}", "X-Auth-Token", member.id());
            assertEquals(201, created.statusCode(), created.body());
            String id = Api.json(created).getString("id");
            byte[] data = randomData(300_000, 2101);
            assertEquals(204, here.put("/v2/images/" + id + "/file", data, "X-Auth-Token", member.id(),
                    "Content-Type", "application/octet-stream").statusCode());

            try (Jmx jmx = Jmx.connect(jmxPort)) {
                JsonObject report = parse((String) jmx.invoke(REPLICATOR, "replicate", "shared"));
                assertFalse(report.containsKey("error"), report.toString());
                assertEquals(1, report.getInt("done"), report.toString());

                String refused = (String) jmx.invoke(REPLICATOR, "replicate", "locked");
                assertTrue(parse(refused).getString("error").contains("Keystone refused"), refused);
                assertFalse(refused.contains(WRONG_PASSWORD), "no password in reports");
            }

            String adminToken = keystone.token(Fixtures.ADMIN).id();
            ImageBytes shared = ImageBytes.shared();
            JsonObject copy = Api.json(shared.get("/v2/images/" + id, "X-Auth-Token", adminToken));
            assertEquals("active", copy.getString("status"));
            assertEquals(member.projectId(), copy.getString("owner"), "owned by the same project there");
            assertArrayEquals(data, shared.download(id, "X-Auth-Token", member.id()).body(),
                    "its owner downloads it there");
            assertEquals(204, shared.delete("/v2/images/" + id, "X-Auth-Token", adminToken).statusCode());
        }
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
