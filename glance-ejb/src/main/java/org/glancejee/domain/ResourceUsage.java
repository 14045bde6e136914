package org.glancejee.domain;

/** How much of a limited resource a project uses, and its limit. */
public record ResourceUsage(QuotaResource resource, long usage, long limit) {
}
