package org.glancejee.it.identity;

import jakarta.json.JsonObject;
import org.glancejee.it.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Set;

import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.glancejee.it.identity.Fixtures.ALPHA_READER;
import static org.glancejee.it.identity.Fixtures.BETA_MEMBER;
import static org.glancejee.it.identity.Fixtures.GAMMA_MEMBER;
import static org.glancejee.it.identity.Fixtures.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Keystone the identity tests run against, on its own (no image server involved): the fixture users get
 * tokens for their projects with the roles the tests rely on, the service user Glance is configured with may
 * validate other users' tokens (and others may not), revocation takes effect, and the stock
 * {@code openstack} command authenticates with a fixture user's password.
 */
@ExtendWith(KeystoneServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class KeystoneHarnessIT {
    private static Fixtures fixtures;
    private static Keystone keystone;

    @BeforeAll
    static void keystone() {
        fixtures = KeystoneServer.fixtures();
        keystone = KeystoneServer.keystone();
    }

    /** Tokens carry implied roles too: Keystone's bootstrap makes admin imply member and member reader. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            admin        | admin   | admin member reader
            glance       | service | service
            alpha-member | alpha   | member reader
            alpha-reader | alpha   | reader
            beta-member  | beta    | member reader
            beta-reader  | beta    | reader
            gamma-member | gamma   | member reader
            """)
    void eachFixtureUserGetsATokenForItsProjectWithItsRoles(String user, String project, String roles) {
        Keystone.Token token = keystone.token(user);
        String why = token.body().toString();
        assertEquals(user, token.userName(), why);
        assertEquals(fixtures.user(user).id(), token.userId(), why);
        assertEquals(project, token.projectName(), why);
        assertEquals(keystone.projectId(project), token.projectId(), why);
        assertEquals(fixtures.user(user).projectId(), token.projectId(), why);
        assertEquals(Set.of(roles.split(" ")), token.roles(), why);
    }

    @Test
    void projectsAreDistinct() {
        Set<String> ids = Set.of(keystone.projectId("alpha"), keystone.projectId("beta"),
                keystone.projectId("gamma"), keystone.projectId("service"), keystone.projectId("admin"));
        assertEquals(5, ids.size(), ids::toString);
    }

    @Test
    void theServiceUserValidatesAnotherUsersToken() {
        Keystone.Token user = keystone.token(ALPHA_MEMBER);

        HttpResponse<String> response = assertStatus(200, validatedByTheServiceUser(user.id()));
        Keystone.Token validated = Keystone.Token.of(user.id(), response);
        assertEquals(fixtures.user(ALPHA_MEMBER).id(), validated.userId(), response::body);
        assertEquals(fixtures.user(ALPHA_MEMBER).projectId(), validated.projectId(), response::body);
        assertEquals(Set.of("member", "reader"), validated.roles(), response::body);
        assertEquals(user.id(), response.headers().firstValue("X-Subject-Token").orElse(null),
                Keystone.describe(response));
    }

    /** identity:validate_token allows admin, service and the token's own user: not a mere member or reader. */
    @Test
    void usersWithoutTheServiceRoleMayNotValidateOthersTokens() {
        Keystone.Token subject = keystone.token(GAMMA_MEMBER);
        for (String user : new String[] {BETA_MEMBER, ALPHA_READER}) {
            assertStatus(403, keystone.validate(keystone.token(user).id(), subject.id()));
        }
        assertStatus(200, keystone.validate(subject.id(), subject.id()));
    }

    @Test
    void aRevokedTokenIsNotFound() {
        Keystone.Token user = keystone.token(BETA_MEMBER);
        assertStatus(200, validatedByTheServiceUser(user.id()));

        keystone.revoke(user.id());

        assertStatus(404, validatedByTheServiceUser(user.id()));
        assertStatus(200, validatedByTheServiceUser(keystone.token(BETA_MEMBER).id())); // a new one of the same user
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertStatus(401, keystone.authenticate(ALPHA_MEMBER, "not-the-password", "alpha"));
        // a project the user has no role on
        assertStatus(401, keystone.authenticate(ALPHA_MEMBER, fixtures.user(ALPHA_MEMBER).password(), "beta"));
    }

    @Test
    void openstackTokenIssueWorksWithAFixtureUsersPassword() {
        Cli openstack = KeystoneServer.openstackAs(ALPHA_MEMBER);
        Cli.Result issued = openstack.run("token", "issue", "-f", "json").ok();
        JsonObject token = issued.json();
        String why = issued.describe();
        assertEquals(fixtures.user(ALPHA_MEMBER).projectId(), token.getString("project_id"), why);
        assertEquals(fixtures.user(ALPHA_MEMBER).id(), token.getString("user_id"), why);
        assertFalse(token.getString("id").isBlank(), why);

        assertStatus(200, validatedByTheServiceUser(token.getString("id")));
        System.out.println(openstack.summary());
    }

    /** What Keystone tells Glance's service user about a token. */
    private static HttpResponse<String> validatedByTheServiceUser(String token) {
        return keystone.validate(keystone.token(SERVICE).id(), token);
    }

    private static HttpResponse<String> assertStatus(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(), () -> Keystone.describe(response));
        return response;
    }
}
