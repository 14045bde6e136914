package org.glancejee.service;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PropertyProtectionRules {

    @Inject
    @ConfigProperty(name = "glance.property_protection_file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "glance.property_protection_rule_format", defaultValue = "roles")
    String format;

    @Inject
    PolicyEnforcer policy;

    private volatile PropertyProtections protections = PropertyProtections.NONE;

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

    public PropertyProtections protections() {
        return protections;
    }
}
