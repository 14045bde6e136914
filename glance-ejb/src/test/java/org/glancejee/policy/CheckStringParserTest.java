package org.glancejee.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The check-string language as oslo.policy's _parser.py and _checks.py define it. */
class CheckStringParserTest {

    private static final Map<String, Object> NO_TARGET = Map.of();

    private static boolean allows(String rule, Credentials creds, Map<String, ?> target) {
        return CheckStringParser.parse(rule).allows(creds, target);
    }

    private static boolean allowsRoles(String rule, String... roles) {
        return allows(rule, Credentials.project("p1", "u1", Set.of(roles)), NO_TARGET);
    }

    @Test
    void emptyAlwaysAndNeverAreConstants() {
        assertSame(Check.ALWAYS, CheckStringParser.parse(""));
        assertSame(Check.ALWAYS, CheckStringParser.parse("@"));
        assertSame(Check.NEVER, CheckStringParser.parse("!"));
        assertTrue(allowsRoles("@ and @"));
        assertFalse(allowsRoles("@ and !"));
        assertTrue(allowsRoles("! or @"));
    }

    @Test
    void blankIsNotEmptyAndNeverPasses() {
        // _parse_text_rule only treats "" as "always"; "  " yields no token and fails to parse
        assertFalse(allowsRoles("   "));
    }

    @Test
    void andBindsTighterThanOr() {
        // a or (b and c), not (a or b) and c
        assertTrue(allowsRoles("role:a or role:b and role:c", "a"));
        // (a and b) or c, not a and (b or c)
        assertTrue(allowsRoles("role:a and role:b or role:c", "c"));
        assertFalse(allowsRoles("role:a and role:b or role:c", "a"));
        assertTrue(allowsRoles("role:a or role:b and role:c or role:d", "d"));
        assertFalse(allowsRoles("role:a or role:b and role:c or role:d", "b"));
    }

    @Test
    void notBindsTighterThanAnd() {
        // (not a) and b; "not (a and b)" would pass a caller with neither role
        assertFalse(allowsRoles("not role:a and role:b"));
        assertTrue(allowsRoles("not role:a and role:b", "b"));
        // (not a) or b
        assertFalse(allowsRoles("not role:a or role:b", "a"));
        assertTrue(allowsRoles("not not role:a", "a"));
    }

    @Test
    void parenthesesOverridePrecedenceAndMayTouchTheirChecks() {
        assertFalse(allowsRoles("(role:a or role:b) and role:c", "a"));
        assertTrue(allowsRoles("(role:a or role:b) and role:c", "b", "c"));
        assertTrue(allowsRoles("not (role:a and role:b)", "a"));
        assertTrue(allowsRoles("((role:a))", "a"));
        assertTrue(allowsRoles("( role:a or role:b ) and ( role:c )", "b", "c"));
    }

    @Test
    void operatorsIgnoreCase() {
        assertTrue(allowsRoles("role:a OR role:b", "b"));
        assertFalse(allowsRoles("role:a AND role:b", "b"));
        assertFalse(allowsRoles("NOT role:b", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"role:a or", "and role:a", "(role:a", "role:a)", "role:a role:b", "()", "not",
            "role:a or 'quoted'", "'role:a'", "role:a and \"x\""})
    void unparsableRulesNeverPass(String rule) {
        // oslo logs "Failed to understand rule" and returns FalseCheck for the whole rule
        assertSame(Check.NEVER, CheckStringParser.parse(rule));
    }

    @Test
    void aWordWithoutColonIsACheckThatFailsNotAParseError() {
        // _parse_check returns FalseCheck for it; the rest of the rule still counts
        assertTrue(allowsRoles("nonsense or role:a", "a"));
        assertFalse(allowsRoles("nonsense or role:b", "a"));
        // quoted and followed by ")" is no string token in oslo's tokenizer, just such a failing check
        assertTrue(allowsRoles("(role:a or 'foo')", "a"));
    }

    @Test
    void rolesMatchIgnoringCase() {
        assertTrue(allowsRoles("role:Admin", "admin"));
        assertTrue(allowsRoles("role:admin", "ADMIN"));
        assertFalse(allowsRoles("role:admin", "administrator"));
        assertFalse(allowsRoles("role:admin"));
    }

    @Test
    void genericCheckOnAListValueIsCaseSensitive() {
        // roles:X goes through GenericCheck, which compares str(element) exactly
        assertTrue(allowsRoles("roles:admin", "admin"));
        assertFalse(allowsRoles("roles:admin", "Admin"));
    }

    @Test
    void targetValuesAreSubstituted() {
        Credentials creds = Credentials.project("p1", "u1", Set.of("member"));
        assertTrue(allows("project_id:%(project_id)s", creds, Map.of("project_id", "p1")));
        assertFalse(allows("project_id:%(project_id)s", creds, Map.of("project_id", "p2")));
        assertTrue(allows("user_id:%(user_id)s", creds, Map.of("user_id", "u1")));
        assertTrue(allows("project_id:p%(n)s", creds, Map.of("n", 1)));
        assertTrue(allows("project_id:%(a)s%(b)s", creds, Map.of("a", "p", "b", "1")));
        assertTrue(allows("project_id:%(a)s%(b)s", creds, Map.of("a", "p1", "b", "")));
        assertTrue(allows("role:%(wanted)s", creds, Map.of("wanted", "MEMBER")));
    }

    @Test
    void dottedKeysAreOneKeyOfTheTarget() {
        Credentials creds = Credentials.project("p1", "u1", Set.of());
        assertTrue(allows("project_id:%(target.image.owner)s", creds, Map.of("target.image.owner", "p1")));
        // oslo.policy does not walk nested maps for %(...)s; Python's % looks the whole key up
        assertFalse(allows("project_id:%(target.image.owner)s", creds,
                Map.of("target", Map.of("image", Map.of("owner", "p1")))));
    }

    @Test
    void aMissingTargetKeyFailsTheCheck() {
        Credentials creds = Credentials.project("p1", "u1", Set.of("reader"));
        assertFalse(allows("project_id:%(project_id)s", creds, NO_TARGET));
        assertFalse(allows("role:%(role)s", creds, NO_TARGET));
        assertTrue(allows("not project_id:%(project_id)s", creds, NO_TARGET));
    }

    @Test
    void nullOnBothSidesIsPythonsNoneEqualsNone() {
        Credentials noProject = Credentials.project(null, "u1", Set.of());
        Map<String, Object> ownerless = new HashMap<>();
        ownerless.put("project_id", null);
        assertTrue(allows("project_id:%(project_id)s", noProject, ownerless));
        assertTrue(allows("project_id:None", noProject, NO_TARGET));
        assertFalse(allows("project_id:%(project_id)s", Credentials.project("p1", "u1", Set.of()), ownerless));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'public':%(visibility)s  | public | true",
            "'public':%(visibility)s  | shared | false",
            "\"public\":%(visibility)s | public | true",
            "True:%(visibility)s      | True   | true",
            "False:%(visibility)s     | false  | false",
            "42:%(visibility)s        | 42     | true",
            "'a b':%(visibility)s     | a b    | false",
    })
    void pythonLiteralOnTheLeftIsComparedAsText(String rule, String visibility, boolean expected) {
        assertEquals(expected, allows(rule, Credentials.project("p1", "u1", Set.of()),
                Map.of("visibility", visibility)));
    }

    @Test
    void booleanTargetValuesReadAsPythonBooleans() {
        assertTrue(allows("True:%(is_public)s", Credentials.project("p1", "u1", Set.of()), Map.of("is_public", true)));
        assertTrue(allows("is_admin_project:True", Credentials.project("p1", "u1", Set.of()), NO_TARGET));
    }

    @Test
    void isAdminIsNoCredentialInGlance() {
        // Glance's context.to_policy_values() has no is_admin key, so this never matches there either
        assertFalse(allowsRoles("is_admin:True", "admin"));
        assertTrue(allowsRoles("not is_admin:False", "admin"));
    }

    @Test
    void serviceRolesAndSystemScopeAreCredentials() {
        Credentials service = Credentials.project("p1", "u1", Set.of("member")).withServiceRoles(Set.of("service"));
        assertTrue(allows("service_roles:service", service, NO_TARGET));
        assertFalse(allows("role:service", service, NO_TARGET));
        Credentials system = Credentials.project(null, "u1", Set.of("admin")).withSystemScope("all");
        assertTrue(allows("system_scope:all", system, NO_TARGET));
        assertTrue(allows("system:all", system, NO_TARGET));
        // oslo only adds creds['system'] when system_scope is set
        assertFalse(allows("system:None", Credentials.project("p1", "u1", Set.of()), NO_TARGET));
        assertTrue(allows("system_scope:None", Credentials.project("p1", "u1", Set.of()), NO_TARGET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"project_id:50%", "project_id:%(x)d", "project_id:%s", "http://example.com/check",
            "project_id.x:%(project_id)s", "unknown_key:%(project_id)s"})
    void checksPythonWouldRaiseOnOrNotSupportedNeverPass(String rule) {
        Credentials creds = Credentials.project("p1", "u1", Set.of("admin"));
        assertFalse(allows(rule, creds, Map.of("project_id", "p1", "x", 1)));
    }

    @Test
    void percentPercentIsAPercentSign() {
        assertTrue(allows("project_id:50%%", Credentials.project("50%", "u1", Set.of()), NO_TARGET));
    }

    @Test
    void legacyListSyntaxIsOrOfAnds() {
        List<?> rule = List.of(List.of("role:a", "role:b"), "role:c");
        assertTrue(CheckStringParser.parseList(rule).allows(creds("a", "b"), NO_TARGET));
        assertFalse(CheckStringParser.parseList(rule).allows(creds("a"), NO_TARGET));
        assertTrue(CheckStringParser.parseList(rule).allows(creds("c"), NO_TARGET));
        assertSame(Check.ALWAYS, CheckStringParser.parseList(List.of()));
        assertSame(Check.NEVER, CheckStringParser.parseList(List.of(List.of())));
        // each element is one check, not a rule in the policy language
        assertFalse(CheckStringParser.parseList(List.of("role:a or role:b")).allows(creds("b"), NO_TARGET));
        assertTrue(CheckStringParser.parseList(Arrays.asList(null, "role:a")).allows(creds("a"), NO_TARGET));
    }

    private static Credentials creds(String... roles) {
        return Credentials.project("p1", "u1", Set.of(roles));
    }
}
