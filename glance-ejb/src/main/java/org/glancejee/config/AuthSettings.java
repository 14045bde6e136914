package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** How callers are identified. Only {@code noauth} exists so far: every request is an admin. */
@ApplicationScoped
public class AuthSettings {

    @Inject
    @ConfigProperty(name = "glance.auth_strategy")
    String authStrategy;

    @Inject
    @ConfigProperty(name = "glance.noauth.project_id")
    Optional<String> noauthProjectId;

    public String authStrategy() { return authStrategy; }

    /** The project noauth requests act for; unset means none, as in Glance's noauth mode (owner null). */
    public Optional<String> noauthProjectId() { return noauthProjectId; }
}
