package org.glancejee.limits;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which limits source the settings choose, and which Keystone settings are refused before any request. */
class ProjectLimitsProducerTest {

    private static ProjectLimits from(Map<String, String> settings) {
        return ProjectLimitsProducer.fromSettings(key -> Optional.ofNullable(settings.get(key)));
    }

    private static Map<String, String> keystone() {
        Map<String, String> settings = new HashMap<>();
        settings.put("glance.oslo_limit.endpoint_id", "ep1");
        settings.put("glance.oslo_limit.auth_url", "http://127.0.0.1:5000/v3");
        settings.put("glance.oslo_limit.username", "glance");
        settings.put("glance.oslo_limit.password", "secret");
        return settings;
    }

    @Test
    void withoutAnEndpointTheServersOwnSettings() {
        assertInstanceOf(ConfiguredProjectLimits.class, from(Map.of("glance.limits.image_count_total", "3")));
    }

    @Test
    void withAnEndpointKeystoneScopedToTheSystemWithOrWithoutSayingSo() {
        assertInstanceOf(KeystoneProjectLimits.class, from(keystone()));
        Map<String, String> explicit = keystone();
        explicit.put("glance.oslo_limit.system_scope", "all");
        assertInstanceOf(KeystoneProjectLimits.class, from(explicit));
    }

    /**
     * Keystone lists a project-scoped token only its own project's limits: every other project would get the
     * registered defaults without a word, so such a setup is refused.
     */
    @Test
    void aProjectScopedServiceUserIsRefused() {
        Map<String, String> settings = keystone();
        settings.put("glance.oslo_limit.project_name", "service");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> from(settings));
        assertTrue(e.getMessage().contains("glance.oslo_limit.system_scope=all"), e.getMessage());
        assertTrue(e.getMessage().contains("only its own project's limits"), e.getMessage());
    }

    @Test
    void aScopeOtherThanTheWholeSystemIsRefused() {
        Map<String, String> settings = keystone();
        settings.put("glance.oslo_limit.system_scope", "RegionOne");
        assertThrows(IllegalStateException.class, () -> from(settings));
    }

    @Test
    void missingCredentialsAreNamed() {
        Map<String, String> settings = keystone();
        settings.remove("glance.oslo_limit.password");
        assertEquals("Limits from Keystone (glance.oslo_limit.endpoint_id) need glance.oslo_limit.password",
                assertThrows(IllegalStateException.class, () -> from(settings)).getMessage());
    }
}
