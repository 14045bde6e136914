package org.glancejee.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glancejee.domain.ForbiddenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

class PolicyEnforcerTest {

    private static final Credentials MEMBER = Credentials.project("p1", "u1", Set.of("member", "reader"));

    @TempDir
    Path dir;

    private static PolicyEnforcer loaded(Optional<String> policyFile) {
        PolicyEnforcer enforcer = new PolicyEnforcer();
        enforcer.policyFile = policyFile;
        enforcer.load();
        return enforcer;
    }

    @Test
    void withoutAPolicyFileTheDefaultsApply() {
        PolicyEnforcer enforcer = loaded(Optional.empty());
        assertTrue(enforcer.allowed("modify_image", MEMBER, PolicyTargets.image("i1", "p1", "private", "p1")));
        assertFalse(enforcer.isAdmin(MEMBER));
    }

    @Test
    void theConfiguredFileOverridesTheDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), "modify_image: role:admin\n");
        PolicyEnforcer enforcer = loaded(Optional.of(file.toString()));
        assertFalse(enforcer.allowed("modify_image", MEMBER, PolicyTargets.image("i1", "p1", "private", "p1")));
    }

    @Test
    void aBrokenFileFailsTheStart() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), "modify_image: [\n");
        assertThrows(PolicyFileException.class, () -> loaded(Optional.of(file.toString())));
    }

    @Test
    void enforceRefusesWithGlancesMessage() {
        PolicyEnforcer enforcer = new PolicyEnforcer(Policy.defaults());
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> enforcer.enforce("publicize_image", MEMBER, PolicyTargets.image("i1", "p1", "private", "p1")));
        assertEquals("You are not authorized to complete publicize_image action.", refused.getMessage());
    }
}
