package org.glancejee.limits;

import org.glancejee.domain.QuotaResource;

/**
 * The limit a project has for a resource, as oslo.limit resolves it: the project's own limit, else the
 * default limit registered for every project, else 0 (a resource nobody registered may not be used).
 */
public interface ProjectLimits {

    /**
     * @param projectId the project, or null for a caller without one: then only the default applies
     * @return the limit in the resource's unit (MiB for sizes, images for counts)
     */
    long limit(String projectId, QuotaResource resource);
}
