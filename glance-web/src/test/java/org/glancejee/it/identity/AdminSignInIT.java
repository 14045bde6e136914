package org.glancejee.it.identity;

import org.glancejee.it.Api;
import org.glancejee.it.Browser;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin pages with Keystone: people sign in with their user name, password and project; a member sees no
 * admin-only page; alpha shares an image with gamma's project from its page, and gamma's member accepts the
 * invitation from the invitations page, which the API then reports.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class AdminSignInIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void membersSignInShareAnImageAndAcceptTheInvitation() {
        Fixtures fixtures = KeystoneServer.fixtures();
        Fixtures.User alpha = fixtures.user(Fixtures.ALPHA_MEMBER);
        Fixtures.User gamma = fixtures.user(Fixtures.GAMMA_MEMBER);
        String alphaToken = KeystoneServer.keystone().token(Fixtures.ALPHA_MEMBER).id();
        String name = "invitation-" + UUID.randomUUID();
        String id = Api.json(ImageBytes.shared().postJson("/v2/images", "{\"name\": \"" + name + "\","
                + " \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"shared\"}",
                "X-Auth-Token", alphaToken)).getString("id");

        try (Browser browser = new Browser(GlanceServer.baseUri())) {
            browser.open("/admin");
            assertEquals("/admin/login", browser.path());
            signIn(browser, alpha, "not-the-password");
            assertTrue(browser.text().contains("The user name, password or project is not right."), browser.text());
            signIn(browser, alpha, alpha.password());
            assertEquals("/admin/images", browser.path(), "members have no dashboard");
            assertTrue(browser.text().contains(alpha.name() + " · " + alpha.projectName()), browser.text());
            browser.open("/admin/operations");
            assertTrue(browser.text().contains("Not allowed"), browser.text());
            assertFalse(browser.has("#jobs"));

            browser.open("/admin/images/" + id);
            browser.fill("#member", gamma.projectId());
            browser.follow("#share");
            browser.awaitText("#members", gamma.projectId(), WAIT);
            browser.follow(".who button");
            assertEquals("/admin/login", browser.path());

            signIn(browser, gamma, gamma.password());
            browser.open("/admin/invitations");
            browser.awaitText("#pending-invitations", name, WAIT);
            browser.screenshot("invitations");
            browser.follow("#pending-invitations button.primary");
            browser.awaitText("#accepted-invitations", name, WAIT);
        }
        String gammaToken = KeystoneServer.keystone().token(Fixtures.GAMMA_MEMBER).id();
        assertEquals("accepted", Api.json(ImageBytes.shared().get("/v2/images/" + id + "/members/"
                + gamma.projectId(), "X-Auth-Token", gammaToken)).getString("status"));
        assertEquals(204, ImageBytes.shared().delete("/v2/images/" + id, "X-Auth-Token", alphaToken).statusCode());
    }

    private static void signIn(Browser browser, Fixtures.User user, String password) {
        browser.fill("#username", user.name());
        browser.fill("#password", password);
        browser.fill("#project", user.projectName());
        browser.follow("#sign-in");
    }
}
