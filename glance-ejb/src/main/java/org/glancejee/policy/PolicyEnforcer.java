package org.glancejee.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glancejee.domain.ForbiddenException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The application's policy, loaded once at start-up from Glance's defaults and the optional policy file
 * {@code glance.oslo_policy.policy_file} (relative paths against the working directory). Changes to the
 * file take effect at the next start.
 */
@ApplicationScoped
public class PolicyEnforcer {

    @Inject
    @ConfigProperty(name = "glance.oslo_policy.policy_file")
    Optional<String> policyFile;

    private Policy policy;

    public PolicyEnforcer() {
    }

    /** An enforcer over a given policy, for code that runs without CDI. */
    public PolicyEnforcer(Policy policy) {
        this.policy = policy;
    }

    @PostConstruct
    void load() {
        policy = policyFile.filter(file -> !file.isBlank())
                .map(file -> Policy.withOverrides(Path.of(file)))
                .orElseGet(Policy::defaults);
    }

    /** Loads the policy while the application starts, so that a broken policy file stops the deployment. */
    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is enough: the container creates the bean, which runs load()
    }

    /** See {@link Policy#allowed(String, Credentials, Map)}. */
    public boolean allowed(String rule, Credentials creds, Map<String, ?> target) {
        return policy.allowed(rule, creds, target);
    }

    /**
     * Refuses with Glance's message when the rule does not allow the call. Image calls that the caller
     * may not even {@code get_image} are reported as not found instead; that choice is the caller's.
     */
    public void enforce(String rule, Credentials creds, Map<String, ?> target) {
        if (!policy.allowed(rule, creds, target)) {
            throw new ForbiddenException("You are not authorized to complete " + rule + " action.");
        }
    }

    /** See {@link Policy#isAdmin(Credentials)}. */
    public boolean isAdmin(Credentials creds) {
        return policy.isAdmin(creds);
    }

    public Policy policy() {
        return policy;
    }
}
