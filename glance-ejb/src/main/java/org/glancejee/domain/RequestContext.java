package org.glancejee.domain;

import java.util.Set;

/**
 * Who is asking: the project and user a request acts for, their roles (and those of a service token
 * sent along, as keystonemiddleware reports them), and the request id that ties logs to responses.
 * Every service call takes one; background jobs pass {@link #system(String)}.
 */
public record RequestContext(String projectId, String userId, Set<String> roles, boolean admin, String requestId,
                             Set<String> serviceRoles) {

    public RequestContext {
        roles = Set.copyOf(roles);
        serviceRoles = Set.copyOf(serviceRoles);
    }

    public RequestContext(String projectId, String userId, Set<String> roles, boolean admin, String requestId) {
        this(projectId, userId, roles, admin, requestId, Set.of());
    }

    /** An admin context with no project, for jobs and start-up work. */
    public static RequestContext system(String requestId) {
        return new RequestContext(null, null, Set.of("admin"), true, requestId);
    }

    /** True when the caller's project owns an image with this owner. */
    public boolean owns(String owner) {
        return projectId != null && projectId.equals(owner);
    }
}
