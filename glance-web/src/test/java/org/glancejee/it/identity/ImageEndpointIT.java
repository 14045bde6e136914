package org.glancejee.it.identity;

import jakarta.json.JsonObject;
import org.glancejee.it.Cli;
import org.glancejee.it.GlanceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared server is the image service in Keystone's catalog (GlanceServer registers it once it is up), so
 * {@code openstack} with nothing but a user's password finds it, as it finds a real Glance.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class ImageEndpointIT {
    private static Cli openstack;

    @BeforeAll
    static void client() {
        openstack = KeystoneServer.openstackAs(ALPHA_MEMBER);
    }

    @AfterAll
    static void timing() {
        System.out.println(openstack.summary());
    }

    @Test
    void theCatalogListsTheServerAsThePublicImageEndpoint() {
        Cli.Result shown = openstack.run("catalog", "show", "image", "-f", "json").ok();
        JsonObject service = shown.json();
        String why = shown.describe();
        assertEquals("image", service.getString("type"), why);
        assertEquals(1, service.getJsonArray("endpoints").size(), why);
        JsonObject endpoint = service.getJsonArray("endpoints").getJsonObject(0);
        assertEquals(GlanceServer.baseUri().toString(), endpoint.getString("url"), why);
        assertEquals("public", endpoint.getString("interface"), why);
        assertEquals(KeystoneServer.fixtures().region(), endpoint.getString("region_id"), why);
    }

    @Test
    void openstackImageListReachesTheServerThroughTheCatalog() {
        Cli.Result listed = openstack.run("--debug", "image", "list", "-f", "json").ok();
        listed.jsonArray();
        assertTrue(listed.stderr().contains(GlanceServer.baseUri() + "/v2/images"),
                "the request went to the catalog's image endpoint: " + listed.describe());
    }
}
