package org.glancejee.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.glancejee.config.QuotaSettings;
import org.glancejee.identity.KeystoneClient;
import org.glancejee.identity.ServiceToken;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses where limits come from: Keystone's unified limits when {@code glance.oslo_limit.endpoint_id} is set
 * (with the service user of {@code glance.oslo_limit.*}), else the server's own {@code glance.limits.*}.
 */
@ApplicationScoped
public class ProjectLimitsProducer {

    private static final String OSLO_LIMIT = "glance.oslo_limit.";

    @Inject
    QuotaSettings settings;

    @Produces
    @ApplicationScoped
    ProjectLimits projectLimits() {
        return fromSettings(settings::value);
    }

    /**
     * The limits source the settings name. Keystone's service user logs in scoped to the whole system
     * ({@code system_scope=all}, the only scope accepted, and the default), as Glance's documentation sets up
     * {@code [oslo_limit]}: Keystone lists a project-scoped token only its own project's limits (every other
     * project would silently get the registered defaults), and its default policy lets only admins and
     * system readers see an endpoint.
     *
     * @param settings the value of a setting by its full key, empty when unset
     * @throws IllegalStateException when the Keystone settings are incomplete or name another scope
     */
    static ProjectLimits fromSettings(Function<String, Optional<String>> settings) {
        Optional<String> endpoint = settings.apply(OSLO_LIMIT + "endpoint_id");
        if (endpoint.isEmpty()) {
            return new ConfiguredProjectLimits(settings);
        }
        String scope = settings.apply(OSLO_LIMIT + "system_scope").orElse("all");
        if (!scope.equals("all") || settings.apply(OSLO_LIMIT + "project_name").isPresent()) {
            throw new IllegalStateException("Limits from Keystone are read with a token scoped to the system: set "
                    + OSLO_LIMIT + "system_scope=all (the default) and no " + OSLO_LIMIT + "project_name, and give"
                    + " the user the reader role on the system. Keystone shows a project-scoped token only its own"
                    + " project's limits.");
        }
        String authUrl = required(settings, "auth_url");
        String username = required(settings, "username");
        String password = required(settings, "password");
        String userDomain = settings.apply(OSLO_LIMIT + "user_domain_name").orElse("Default");
        Duration timeout = Duration.ofSeconds(Long.parseLong(settings.apply(OSLO_LIMIT + "connect_timeout")
                .orElse("10")));
        KeystoneClient keystone = KeystoneClient.systemScoped(authUrl, username, password, userDomain, timeout);
        return new KeystoneProjectLimits(keystone, new ServiceToken(keystone, Clock.systemUTC()), endpoint.get());
    }

    private static String required(Function<String, Optional<String>> settings, String option) {
        return settings.apply(OSLO_LIMIT + option).orElseThrow(() -> new IllegalStateException(
                "Limits from Keystone (glance.oslo_limit.endpoint_id) need " + OSLO_LIMIT + option));
    }
}
