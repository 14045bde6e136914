package org.glancejee.limits;

import org.glancejee.domain.QuotaResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfiguredProjectLimitsTest {

    private static ProjectLimits limits(Map<String, String> settings) {
        return new ConfiguredProjectLimits(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void aProjectsOwnLimitWinsOverTheDefault() {
        ProjectLimits limits = limits(Map.of(
                "glance.limits.image_count_total", "10",
                "glance.limits.p1.image_count_total", "25"));
        assertEquals(25, limits.limit("p1", QuotaResource.IMAGE_COUNT_TOTAL));
        assertEquals(10, limits.limit("p2", QuotaResource.IMAGE_COUNT_TOTAL));
    }

    @Test
    void aCallerWithoutProjectGetsTheDefault() {
        ProjectLimits limits = limits(Map.of("glance.limits.image_size_total", "1024"));
        assertEquals(1024, limits.limit(null, QuotaResource.IMAGE_SIZE_TOTAL));
    }

    @Test
    void anUnsetLimitIsZeroAsInOsloLimit() {
        ProjectLimits limits = limits(Map.of("glance.limits.p1.image_size_total", "5"));
        assertEquals(0, limits.limit("p1", QuotaResource.IMAGE_STAGE_TOTAL));
        assertEquals(0, limits.limit("p2", QuotaResource.IMAGE_SIZE_TOTAL));
        assertEquals(0, limits.limit(null, QuotaResource.IMAGE_COUNT_UPLOADING));
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsAConfigurationError() {
        ProjectLimits limits = limits(Map.of("glance.limits.image_count_total", "ten"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> limits.limit("p1", QuotaResource.IMAGE_COUNT_TOTAL));
        assertTrue(e.getMessage().contains("glance.limits.image_count_total"), e.getMessage());
    }
}
