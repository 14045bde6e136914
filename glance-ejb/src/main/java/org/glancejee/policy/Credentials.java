package org.glancejee.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as policies see it: the values oslo.context hands oslo.policy
 * ({@code RequestContext.to_policy_values()}), taken from keystonemiddleware's headers (X-User-Id,
 * X-Project-Id, X-Roles, OpenStack-System-Scope, X-Service-Roles, ...). Any id may be null.
 *
 * <p>There is deliberately no {@code is_admin}: Glance does not put it in the policy values, so a check
 * {@code is_admin:True} never matches there either. Glance derives "admin" from the {@code context_is_admin}
 * rule instead ({@link Policy#isAdmin(Credentials)}).
 */
public record Credentials(
        String userId,
        String userDomainId,
        String projectId,
        String projectDomainId,
        String domainId,
        String systemScope,
        Set<String> roles,
        boolean isAdminProject,
        String serviceUserId,
        String serviceUserDomainId,
        String serviceProjectId,
        String serviceProjectDomainId,
        Set<String> serviceRoles) {

    public Credentials {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        serviceRoles = serviceRoles == null ? Set.of() : Set.copyOf(serviceRoles);
    }

    /** A project-scoped token without a service token, the usual caller of the Images API. */
    public static Credentials project(String projectId, String userId, Set<String> roles) {
        return new Credentials(userId, null, projectId, null, null, null, roles, true,
                null, null, null, null, Set.of());
    }

    /** The same caller, also presenting a service token with these roles (keystonemiddleware's X-Service-Roles). */
    public Credentials withServiceRoles(Set<String> roles) {
        return new Credentials(userId, userDomainId, projectId, projectDomainId, domainId, systemScope, this.roles,
                isAdminProject, serviceUserId, serviceUserDomainId, serviceProjectId, serviceProjectDomainId, roles);
    }

    /** The same caller with a system-scoped token ({@code OpenStack-System-Scope: all}). */
    public Credentials withSystemScope(String scope) {
        return new Credentials(userId, userDomainId, projectId, projectDomainId, domainId, scope, roles,
                isAdminProject, serviceUserId, serviceUserDomainId, serviceProjectId, serviceProjectDomainId,
                serviceRoles);
    }

    /** The same caller with a domain-scoped token. */
    public Credentials withDomainId(String domain) {
        return new Credentials(userId, userDomainId, projectId, projectDomainId, domain, systemScope, roles,
                isAdminProject, serviceUserId, serviceUserDomainId, serviceProjectId, serviceProjectDomainId,
                serviceRoles);
    }

    /** The scope oslo.policy infers: system if a system scope is set, else domain if a domain id is, else project. */
    public TokenScope tokenScope() {
        if (systemScope != null && !systemScope.isEmpty()) {
            return TokenScope.SYSTEM;
        }
        if (domainId != null && !domainId.isEmpty()) {
            return TokenScope.DOMAIN;
        }
        return TokenScope.PROJECT;
    }

    /**
     * The credential dictionary under oslo's key names, nulls included, as checks see it; also what Glance
     * passes as the target of {@code context_is_admin}. Not used on the evaluation path.
     */
    public Map<String, Object> toPolicyValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CredentialKey key : CredentialKey.values()) {
            if (key.isPresentIn(this)) {
                Object value = key.valueOf(this);
                values.put(key.oslo(), value instanceof Set<?> set ? List.copyOf(set) : value);
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
