package org.glancejee.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProjectLimitRulesTest {
    private static final String PREAMBLE = "The request returned a 413 Request Entity Too Large. This generally means"
            + " that rate limiting or a quota threshold was breached.\n\nThe response body:\n";

    @Test
    void usagePlusDeltaMayReachTheLimitButNotPassIt() {
        assertDoesNotThrow(() -> ProjectLimitRules.enforce("p1", QuotaResource.IMAGE_COUNT_TOTAL, 3, 2, 1));
        assertDoesNotThrow(() -> ProjectLimitRules.enforce("p1", QuotaResource.IMAGE_SIZE_TOTAL, 3, 3, 0));
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> ProjectLimitRules.enforce("p1", QuotaResource.IMAGE_COUNT_TOTAL, 3, 3, 1));
        assertEquals(PREAMBLE + "Project p1 is over a limit for [Resource image_count_total is over limit of 3 due"
                + " to current usage 3 and delta 1]", e.getMessage());
    }

    @Test
    void aZeroLimitAllowsOnlyNoUseAtAll() {
        assertDoesNotThrow(() -> ProjectLimitRules.enforce("p1", QuotaResource.IMAGE_SIZE_TOTAL, 0, 0, 0));
        assertThrows(LimitExceededException.class,
                () -> ProjectLimitRules.enforce("p1", QuotaResource.IMAGE_COUNT_UPLOADING, 0, 1, 0));
    }

    @Test
    void aCallerWithoutProjectIsNamedAsPythonPrintsNone() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> ProjectLimitRules.enforce(null, QuotaResource.IMAGE_SIZE_TOTAL, 2, 5, 0));
        assertEquals(PREAMBLE + "Project None is over a limit for [Resource image_size_total is over limit of 2 due"
                + " to current usage 5 and delta 0]", e.getMessage());
    }

    @Test
    void sizesCountInWholeMebibytesRoundedDown() {
        assertEquals(0, ProjectLimitRules.inLimitUnits(QuotaResource.IMAGE_SIZE_TOTAL, (1L << 20) - 1));
        assertEquals(1, ProjectLimitRules.inLimitUnits(QuotaResource.IMAGE_SIZE_TOTAL, 1L << 20));
        assertEquals(3, ProjectLimitRules.inLimitUnits(QuotaResource.IMAGE_STAGE_TOTAL, (3L << 20) + 12345));
        assertEquals(7, ProjectLimitRules.inLimitUnits(QuotaResource.IMAGE_COUNT_TOTAL, 7));
        assertEquals(7, ProjectLimitRules.inLimitUnits(QuotaResource.IMAGE_COUNT_UPLOADING, 7));
    }

    @Test
    void resourcesAreNamedAndOrderedAsGlanceReportsThem() {
        assertEquals("image_size_total,image_stage_total,image_count_total,image_count_uploading",
                String.join(",", java.util.Arrays.stream(QuotaResource.values()).map(QuotaResource::limitName)
                        .toList()));
    }
}
