package org.glancejee.it.identity;

import jakarta.json.JsonString;
import org.glancejee.it.Api;
import org.glancejee.it.GlanceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.glancejee.it.identity.Fixtures.ADMIN;
import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.glancejee.it.identity.Fixtures.ALPHA_READER;
import static org.glancejee.it.identity.Fixtures.BETA_MEMBER;
import static org.glancejee.it.identity.Fixtures.BETA_READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glance's metadef rules with real Keystone tokens: readers see public namespaces and their own project's
 * private ones, another project's private namespace does not exist for them (404), only an admin creates,
 * changes or deletes (403 for members), and a caller without a token gets 401.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class MetadefAuthorizationIT {
    private static final String BASE = "/v2/metadefs/namespaces";

    @Test
    void namespacesFollowGlancesMetadefRules() {
        String alpha = KeystoneServer.fixtures().user(ALPHA_MEMBER).projectId();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String privateNs = "IT::AlphaPrivate::" + suffix;
        String publicNs = "IT::AlphaPublic::" + suffix;
        assertEquals(201, Api.post(BASE, "{\"namespace\": \"" + privateNs + "\", \"owner\": \"" + alpha + "\"}",
                token(ADMIN)).statusCode());
        assertEquals(201, Api.post(BASE, "{\"namespace\": \"" + publicNs + "\", \"owner\": \"" + alpha
                + "\", \"visibility\": \"public\"}", token(ADMIN)).statusCode());

        assertEquals(200, Api.get(BASE + "/" + privateNs, token(ALPHA_READER)).statusCode(), "own project");
        assertEquals(404, Api.get(BASE + "/" + privateNs, token(BETA_READER)).statusCode(), "another project's");
        assertEquals(200, Api.get(BASE + "/" + publicNs, token(BETA_READER)).statusCode(), "public");
        List<String> seenByBeta = names(Api.get(BASE + "?limit=1000", token(BETA_MEMBER)));
        assertTrue(seenByBeta.contains(publicNs), seenByBeta.toString());
        assertFalse(seenByBeta.contains(privateNs), seenByBeta.toString());
        assertTrue(names(Api.get(BASE + "?limit=1000", token(ALPHA_READER))).contains(privateNs));

        assertEquals(403, Api.post(BASE, "{\"namespace\": \"IT::ByMember::" + suffix + "\"}",
                token(ALPHA_MEMBER)).statusCode(), "only metadef_admin creates");
        assertEquals(403, Api.put(BASE + "/" + privateNs, "{\"namespace\": \"" + privateNs + "\"}",
                token(ALPHA_MEMBER)).statusCode(), "only metadef_admin changes");
        assertEquals(403, Api.delete(BASE + "/" + publicNs, token(BETA_MEMBER)).statusCode());
        assertEquals(404, Api.delete(BASE + "/" + privateNs, token(BETA_MEMBER)).statusCode(),
                "what a caller may not see is not there");
        assertEquals(401, Api.get(BASE).statusCode(), "no token");

        assertEquals(204, Api.delete(BASE + "/" + privateNs, token(ADMIN)).statusCode());
        assertEquals(204, Api.delete(BASE + "/" + publicNs, token(ADMIN)).statusCode());
    }

    private static String[] token(String persona) {
        return new String[] {"X-Auth-Token", KeystoneServer.keystone().token(persona).id()};
    }

    private static List<String> names(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Api.json(response).getJsonArray("namespaces").stream()
                .map(v -> ((JsonString) v.asJsonObject().get("namespace")).getString()).toList();
    }
}
