package org.glancejee.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Operators' policy files, read as oslo.policy reads policy_file (policy.py: Rules.load, load_rules). */
class PolicyOverridesTest {

    private static final Credentials ADMIN = Credentials.project("p-admin", "u1", Set.of("admin", "member", "reader"));
    private static final Credentials MEMBER = Credentials.project("p1", "u2", Set.of("member", "reader"));
    private static final Credentials AUDITOR = Credentials.project("p2", "u3", Set.of("auditor"));
    private static final Map<String, Object> OWN_PRIVATE_IMAGE = PolicyTargets.image("i1", "p1", "private", "p1");
    private static final Map<String, Object> OTHERS_PRIVATE_IMAGE = PolicyTargets.image("i1", "p9", "private", "p1");

    @TempDir
    Path dir;

    private Policy load(String fileName, String content) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content);
        return Policy.withOverrides(file);
    }

    @Test
    void yamlEntriesReplaceDefaultsAndAddRules() throws IOException {
        Policy policy = load("policy.yaml", """
                # only admins and auditors read images
                "get_image": "rule:context_is_admin or rule:auditor"
                "auditor": "role:auditor"
                # an unquoted value is a YAML string as well
                modify_image: role:admin
                """);
        assertTrue(policy.allowed("get_image", AUDITOR, OTHERS_PRIVATE_IMAGE));
        assertFalse(policy.allowed("get_image", MEMBER, OWN_PRIVATE_IMAGE));
        assertFalse(policy.allowed("modify_image", MEMBER, OWN_PRIVATE_IMAGE));
        assertTrue(policy.allowed("modify_image", ADMIN, OWN_PRIVATE_IMAGE));
        // rules the file leaves alone keep their defaults
        assertTrue(policy.allowed("download_image", MEMBER, OWN_PRIVATE_IMAGE));
    }

    @Test
    void jsonFilesAreReadToo() throws IOException {
        Policy policy = load("policy.json", """
                {
                \t"publicize_image": "role:member and project_id:%(project_id)s",
                \t"get_image": "role:admin or role:auditor\\/x",
                \t"delete_image": [["role:admin"], ["role:member", "project_id:%(owner)s"]]
                }
                """);
        assertTrue(policy.allowed("publicize_image", MEMBER, OWN_PRIVATE_IMAGE));
        assertFalse(policy.allowed("publicize_image", MEMBER, OTHERS_PRIVATE_IMAGE));
        assertTrue(policy.allowed("delete_image", MEMBER, OWN_PRIVATE_IMAGE));
        assertFalse(policy.allowed("delete_image", MEMBER, OTHERS_PRIVATE_IMAGE));
        assertTrue(policy.allowed("get_image", Credentials.project("p", "u", Set.of("auditor/x")), OWN_PRIVATE_IMAGE));
    }

    @Test
    void overridingAHelperRuleChangesEveryRuleThatUsesIt() throws IOException {
        Policy policy = load("policy.yaml", "context_is_admin: role:cloud_admin\n");
        assertFalse(policy.allowed("publicize_image", ADMIN, OWN_PRIVATE_IMAGE));
        assertFalse(policy.isAdmin(ADMIN));
        Credentials cloudAdmin = Credentials.project("p-admin", "u1", Set.of("cloud_admin"));
        assertTrue(policy.allowed("publicize_image", cloudAdmin, OTHERS_PRIVATE_IMAGE));
        assertTrue(policy.allowed("get_image", cloudAdmin, OTHERS_PRIVATE_IMAGE));
    }

    @Test
    void anUnknownRuleReferenceFallsBackToTheDefaultRule() throws IOException {
        // Rules.__missing__ hands out the "default" rule, which Glance defaults to "" (always)
        Policy permissive = load("a.yaml", "get_image: rule:no_such_rule\n");
        assertTrue(permissive.allowed("get_image", AUDITOR, OTHERS_PRIVATE_IMAGE));
        Policy strict = load("b.yaml", "get_image: rule:no_such_rule\ndefault: '!'\n");
        assertFalse(strict.allowed("get_image", ADMIN, OTHERS_PRIVATE_IMAGE));
        // the internal task rules are rule:default
        assertFalse(strict.allowed("get_task", ADMIN, PolicyTargets.none()));
    }

    @Test
    void emptyAndNullRulesAlwaysPassButBlankOnesNever() throws IOException {
        Policy policy = load("policy.yaml", """
                copy_image: ""
                delete_image_location:
                publicize_image: "  "
                """);
        assertTrue(policy.allowed("copy_image", AUDITOR, OTHERS_PRIVATE_IMAGE));
        assertTrue(policy.allowed("delete_image_location", AUDITOR, OTHERS_PRIVATE_IMAGE));
        assertFalse(policy.allowed("publicize_image", ADMIN, OTHERS_PRIVATE_IMAGE));
    }

    @Test
    void anUnparsableRuleNeverPassesAndTheOthersStillWork() throws IOException {
        Policy policy = load("policy.yaml", """
                get_image: "role:admin or (role:reader"
                modify_image: "role:admin"
                """);
        assertFalse(policy.allowed("get_image", ADMIN, OWN_PRIVATE_IMAGE));
        assertTrue(policy.allowed("modify_image", ADMIN, OWN_PRIVATE_IMAGE));
    }

    @Test
    void rulesThatReachThemselvesNeverPass() throws IOException {
        Policy policy = load("policy.yaml", """
                a: "rule:b"
                b: "rule:a or @"
                get_image: "rule:a"
                get_images: "@ or rule:a"
                """);
        assertFalse(policy.allowed("get_image", ADMIN, OWN_PRIVATE_IMAGE));
        assertTrue(policy.allowed("get_images", ADMIN, PolicyTargets.ownProject("p-admin")));
    }

    @Test
    void scopeTypesStayTheRegisteredOnes() throws IOException {
        Policy policy = load("policy.yaml", "get_image: '@'\n");
        Credentials system = Credentials.project(null, "u", Set.of("admin")).withSystemScope("all");
        assertFalse(policy.allowed("get_image", system, OWN_PRIVATE_IMAGE));
        assertTrue(policy.allowed("get_image", AUDITOR, OWN_PRIVATE_IMAGE));
    }

    @Test
    void rulesOnlyInTheFileCannotBeEnforcedByName() throws IOException {
        Policy policy = load("policy.yaml", "auditor: role:auditor\n");
        assertThrows(IllegalArgumentException.class, () -> policy.allowed("auditor", AUDITOR, Map.of()));
    }

    @Test
    void aMissingFileLeavesTheDefaults() {
        // oslo.policy logs "The policy file ... could not be found" and enforces the defaults
        Policy policy = Policy.withOverrides(dir.resolve("absent.yaml"));
        assertTrue(policy.allowed("modify_image", MEMBER, OWN_PRIVATE_IMAGE));
        assertFalse(policy.allowed("publicize_image", MEMBER, OWN_PRIVATE_IMAGE));
    }

    @Test
    void anEmptyFileLeavesTheDefaults() throws IOException {
        Policy policy = load("policy.yaml", "# nothing overridden\n");
        assertTrue(policy.allowed("modify_image", MEMBER, OWN_PRIVATE_IMAGE));
    }

    @Test
    void filesThatAreNotAMapOfRulesAreRefused() {
        assertThrows(PolicyFileException.class, () -> load("broken.yaml", "get_image: [unclosed\n"));
        assertThrows(PolicyFileException.class, () -> load("list.yaml", "- role:admin\n"));
        assertThrows(PolicyFileException.class, () -> load("bool.yaml", "get_image: true\n"));
        assertThrows(PolicyFileException.class, () -> load("number.yaml", "get_image: 1\n"));
        assertThrows(PolicyFileException.class, () -> load("key.yaml", "yes: role:admin\n"));
    }

    @Test
    void inMemoryOverridesBehaveLikeAFile() {
        Policy policy = Policy.withOverrides(Map.of("get_image", "role:auditor"));
        assertTrue(policy.allowed("get_image", AUDITOR, OTHERS_PRIVATE_IMAGE));
        assertFalse(policy.allowed("get_image", ADMIN, OTHERS_PRIVATE_IMAGE));
    }
}
