package org.glancejee.domain;

/**
 * Unified limits as oslo.limit's flat model enforces them for Glance: a request is refused when the
 * project's current usage plus what the request adds (the delta) would be more than the limit. A limit
 * of 0, which is what an unset limit counts as, so refuses any use at all.
 */
public final class ProjectLimitRules {

    private ProjectLimitRules() {
    }

    /**
     * @param projectId the project, or null for a caller without one (registered limits apply)
     * @throws LimitExceededException with Glance's message when usage + delta exceeds the limit
     */
    public static void enforce(String projectId, QuotaResource resource, long limit, long usage, long delta) {
        if (usage + delta > limit) {
            throw new LimitExceededException(overLimit(projectId, resource, limit, usage, delta));
        }
    }

    /** Glance's LimitExceeded text around oslo.limit's ProjectOverLimit (one resource, as Glance checks). */
    static String overLimit(String projectId, QuotaResource resource, long limit, long usage, long delta) {
        return "The request returned a 413 Request Entity Too Large. This generally means that rate limiting or a"
                + " quota threshold was breached.\n\nThe response body:\n"
                + "Project " + (projectId == null ? "None" : projectId) + " is over a limit for [Resource "
                + resource.limitName() + " is over limit of " + limit + " due to current usage " + usage
                + " and delta " + delta + "]";
    }

    /** Usage as limits count it: bytes in whole MiB (rounded down), counts as they are. */
    public static long inLimitUnits(QuotaResource resource, long amount) {
        return switch (resource) {
            case IMAGE_SIZE_TOTAL, IMAGE_STAGE_TOTAL -> Math.floorDiv(amount, 1L << 20);
            case IMAGE_COUNT_TOTAL, IMAGE_COUNT_UPLOADING -> amount;
        };
    }
}
