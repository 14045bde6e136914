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
        Optional<String> endpoint = settings.value(OSLO_LIMIT + "endpoint_id");
        if (endpoint.isEmpty()) {
            return new ConfiguredProjectLimits(settings::value);
        }
        String authUrl = required("auth_url");
        String username = required("username");
        String password = required("password");
        String userDomain = settings.value(OSLO_LIMIT + "user_domain_name").orElse("Default");
        Duration timeout = Duration.ofSeconds(Long.parseLong(settings.value(OSLO_LIMIT + "connect_timeout")
                .orElse("10")));
        KeystoneClient keystone = settings.value(OSLO_LIMIT + "system_scope").isPresent()
                ? KeystoneClient.systemScoped(authUrl, username, password, userDomain, timeout)
                : new KeystoneClient(authUrl, username, password, userDomain, required("project_name"),
                        settings.value(OSLO_LIMIT + "project_domain_name").orElse("Default"), timeout);
        return new KeystoneProjectLimits(keystone, new ServiceToken(keystone, Clock.systemUTC()), endpoint.get());
    }

    private String required(String option) {
        return settings.value(OSLO_LIMIT + option).orElseThrow(() -> new IllegalStateException(
                "Limits from Keystone (glance.oslo_limit.endpoint_id) need " + OSLO_LIMIT + option));
    }
}
