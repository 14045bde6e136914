package org.glancejee.it.identity;

import jakarta.json.JsonObject;
import org.glancejee.it.Cli;
import org.glancejee.it.GlanceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.glancejee.it.identity.Fixtures.ADMIN;
import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.glancejee.it.identity.Fixtures.BETA_MEMBER;
import static org.glancejee.it.identity.Fixtures.GAMMA_MEMBER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stock {@code openstack} client with password authentication, finding the server in Keystone's
 * catalog: one project creates and uploads, shares with a second, which accepts, lists and downloads the
 * bytes; a third project and the second's forbidden moves are refused.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class OpenStackSharingIT {

    @Test
    void createUploadShareAcceptListDownload() throws Exception {
        Cli alpha = KeystoneServer.openstackAs(ALPHA_MEMBER);
        Cli gamma = KeystoneServer.openstackAs(GAMMA_MEMBER);
        Cli beta = KeystoneServer.openstackAs(BETA_MEMBER);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        Path file = Files.createTempFile("sharing", ".raw");
        Files.write(file, data);

        JsonObject created = alpha.run("image", "create", "--file", file.toString(), "--disk-format", "raw",
                "--container-format", "bare", "--shared", "cli-shared", "-f", "json").ok().json();
        String id = created.getString("id");
        String gammaProject = KeystoneServer.fixtures().user(GAMMA_MEMBER).projectId();
        assertEquals(KeystoneServer.fixtures().user(ALPHA_MEMBER).projectId(), created.getString("owner"));

        beta.run("image", "show", id).failed();
        alpha.run("image", "add", "project", id, gammaProject).ok();
        gamma.run("image", "set", "--accept", id).ok();
        String listed = gamma.run("image", "list", "-f", "json").ok().stdout();
        assertTrue(listed.contains(id), "gamma lists the accepted image: " + listed);

        Path saved = Files.createTempFile("sharing", ".out");
        gamma.run("image", "save", "--file", saved.toString(), id).ok();
        assertArrayEquals(data, Files.readAllBytes(saved), "gamma downloads the bytes alpha uploaded");

        Cli.Result refused = gamma.run("image", "delete", id).failed();
        assertTrue(refused.stderr().contains("403") || refused.stderr().toLowerCase().contains("forbidden"),
                refused.describe());
        Cli.Result publish = alpha.run("image", "set", "--public", id).failed();
        assertTrue(publish.stderr().contains("403") || publish.stderr().contains("publicize_image"),
                publish.describe());
        KeystoneServer.openstackAs(ADMIN).run("image", "set", "--public", id).ok();
        assertTrue(beta.run("image", "list", "-f", "json").ok().stdout().contains(id),
                "once an admin publishes it, every project lists it");
        alpha.run("image", "delete", id).ok();
    }
}
