package org.glancejee.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Glance's authorization policy: its registered rules with their defaults, possibly replaced or extended
 * by an operator's policy file, compiled once. Immutable and safe to share between threads.
 */
public final class Policy {
    private static final Logger LOG = Logger.getLogger(Policy.class.getName());

    private record EnforcedRule(Check check, Set<TokenScope> scopeTypes) {
    }

    private final Map<String, EnforcedRule> registered;
    private final Map<String, Check> linked;

    private Policy(List<RuleDefault> defaults, Map<String, Check> overrides) {
        Map<String, Check> rules = new LinkedHashMap<>();
        for (RuleDefault rule : defaults) {
            rules.put(rule.name(), CheckStringParser.parse(rule.checkString()));
        }
        rules.putAll(overrides);
        Map<String, Check> linked = RuleLinker.link(rules);
        this.linked = Collections.unmodifiableMap(linked);
        Map<String, EnforcedRule> byName = new HashMap<>();
        for (RuleDefault rule : defaults) {
            byName.put(rule.name(), new EnforcedRule(linked.get(rule.name()), rule.scopeTypes()));
        }
        this.registered = Collections.unmodifiableMap(byName);
    }

    /** Glance's defaults alone. */
    public static Policy defaults() {
        return new Policy(GlanceDefaultRules.all(), Map.of());
    }

    /**
     * Glance's defaults under the rules of a policy file. A file that does not exist is passed over, as
     * oslo.policy does (it logs and keeps the defaults); one that exists but is not a valid policy file
     * fails here, at start-up, where oslo would fail every later check.
     *
     * @throws PolicyFileException if the file exists but cannot be read or understood
     */
    public static Policy withOverrides(Path policyFile) {
        if (!Files.exists(policyFile)) {
            LOG.warning(() -> "The policy file " + policyFile.toAbsolutePath() + " could not be found;"
                    + " using the default policies");
            return defaults();
        }
        Policy policy = new Policy(GlanceDefaultRules.all(), PolicyFile.read(policyFile));
        LOG.info(() -> "Loaded policy file " + policyFile.toAbsolutePath());
        return policy;
    }

    /** Glance's defaults under these rules, each a check string: the content of a policy file, in memory. */
    public static Policy withOverrides(Map<String, String> checkStrings) {
        Map<String, Check> overrides = new LinkedHashMap<>();
        checkStrings.forEach((name, checkString) -> overrides.put(name, CheckStringParser.parse(checkString)));
        return new Policy(GlanceDefaultRules.all(), overrides);
    }

    /**
     * Whether the caller may do what rule {@code rule} guards on {@code target}; the target's keys are
     * those Glance builds (see {@link PolicyTargets}). A token of a scope the rule is not registered for
     * is refused, as with oslo.policy's {@code enforce_scope}.
     *
     * @throws IllegalArgumentException if Glance registers no rule of that name (Glance raises
     *         PolicyNotRegistered), which catches misspelt names in code
     */
    public boolean allowed(String rule, Credentials creds, Map<String, ?> target) {
        EnforcedRule enforced = registered.get(rule);
        if (enforced == null) {
            throw new IllegalArgumentException("Policy not registered: " + rule);
        }
        if (!enforced.scopeTypes().isEmpty() && !enforced.scopeTypes().contains(creds.tokenScope())) {
            return false;
        }
        return enforced.check().allows(creds, target);
    }

    /**
     * Glance's {@code context.is_admin}: the {@code context_is_admin} rule, with the caller's own values
     * as target as Glance passes them.
     */
    public boolean isAdmin(Credentials creds) {
        return allowed("context_is_admin", creds, creds.toPolicyValues());
    }

    /**
     * Evaluates {@code rule:<name>} as a check string would, for rules an operator defines only in the
     * policy file (the property protections' policies format): an unknown name falls back to the
     * {@code default} rule, as oslo.policy does.
     */
    public boolean ruleAllows(String name, Credentials creds, Map<String, ?> target) {
        Check check = linked.getOrDefault(name, linked.get("default"));
        return check != null && check.allows(creds, target);
    }

    /** The names {@link #allowed} accepts. */
    public Set<String> registeredRuleNames() {
        return registered.keySet();
    }
}
