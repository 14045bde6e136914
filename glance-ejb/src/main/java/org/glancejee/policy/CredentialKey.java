package org.glancejee.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The keys of oslo.context's policy values, resolved once when a check string is compiled. */
enum CredentialKey {
    USER_ID("user_id", Credentials::userId),
    USER_DOMAIN_ID("user_domain_id", Credentials::userDomainId),
    SYSTEM_SCOPE("system_scope", Credentials::systemScope),
    DOMAIN_ID("domain_id", Credentials::domainId),
    PROJECT_ID("project_id", Credentials::projectId),
    PROJECT_DOMAIN_ID("project_domain_id", Credentials::projectDomainId),
    ROLES("roles", Credentials::roles),
    IS_ADMIN_PROJECT("is_admin_project", Credentials::isAdminProject),
    SERVICE_USER_ID("service_user_id", Credentials::serviceUserId),
    SERVICE_USER_DOMAIN_ID("service_user_domain_id", Credentials::serviceUserDomainId),
    SERVICE_PROJECT_ID("service_project_id", Credentials::serviceProjectId),
    SERVICE_PROJECT_DOMAIN_ID("service_project_domain_id", Credentials::serviceProjectDomainId),
    SERVICE_ROLES("service_roles", Credentials::serviceRoles),
    // oslo.policy copies system_scope here, but only when it is set, so "system:..." misses otherwise
    SYSTEM("system", Credentials::systemScope);

    private final String oslo;
    private final Function<Credentials, Object> accessor;

    CredentialKey(String oslo, Function<Credentials, Object> accessor) {
        this.oslo = oslo;
        this.accessor = accessor;
    }

    String oslo() {
        return oslo;
    }

    Object valueOf(Credentials creds) {
        return accessor.apply(creds);
    }

    boolean isPresentIn(Credentials creds) {
        return this != SYSTEM || creds.tokenScope() == TokenScope.SYSTEM;
    }

    static Optional<CredentialKey> byOsloName(String name) {
        return Arrays.stream(values()).filter(k -> k.oslo.equals(name)).findFirst();
    }
}
