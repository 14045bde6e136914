package org.glancejee.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glancejee.config.IniFile;
import org.glancejee.domain.PropertyProtections;
import org.glancejee.policy.PolicyEnforcer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the operator's property protection file ({@code glance.property_protection_file}) at start-up.
 * As in Glance, a file that is set but missing or malformed stops the application from starting.
 */
@ApplicationScoped
public class PropertyProtectionRules {

    @Inject
    @ConfigProperty(name = "glance.property_protection_file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "glance.property_protection_rule_format", defaultValue = "roles")
    String format;

    @Inject
    PolicyEnforcer policy;

    private PropertyProtections protections = PropertyProtections.NONE;

    @PostConstruct
    void load() {
        Optional<String> path = file.map(String::strip).filter(p -> !p.isEmpty());
        if (path.isEmpty()) {
            return;
        }
        PropertyProtections.Format parsedFormat = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "roles" -> PropertyProtections.Format.ROLES;
            case "policies" -> PropertyProtections.Format.POLICIES;
            default -> throw new IllegalStateException("glance.property_protection_rule_format must be roles or"
                    + " policies, not '" + format + "'");
        };
        try (Reader reader = Files.newBufferedReader(Path.of(path.get()), StandardCharsets.UTF_8)) {
            protections = PropertyProtections.of(IniFile.read(reader), parsedFormat, (rule, caller) ->
                    policy.policy().ruleAllows(rule, ImageAuthorization.credentials(caller), Map.of()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("property protection file " + path.get() + ": " + e.getMessage(), e);
        }
    }

    /** Loads the file while the application starts, so that a broken file stops the deployment. */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is enough: the container creates the bean, which runs load()
    }

    /** Read on every image view; a plain CDI bean, since an EJB call here cost 5% of a show's CPU. */
    public PropertyProtections protections() {
        return protections;
    }
}
