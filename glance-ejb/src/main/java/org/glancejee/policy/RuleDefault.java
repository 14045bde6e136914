package org.glancejee.policy;

import java.util.Set;

/**
 * A rule the service registers: its name, its default check string, and the token scopes it accepts
 * (empty: any). A policy file may replace the check string; the scope types always stay the registered ones.
 */
public record RuleDefault(String name, String checkString, Set<TokenScope> scopeTypes) {

    public RuleDefault {
        scopeTypes = Set.copyOf(scopeTypes);
    }

    /** A rule for project-scoped tokens, as Glance registers every API rule. */
    static RuleDefault project(String name, String checkString) {
        return new RuleDefault(name, checkString, Set.of(TokenScope.PROJECT));
    }

    /** A rule for any scope, as Glance registers its helper rules. */
    static RuleDefault anyScope(String name, String checkString) {
        return new RuleDefault(name, checkString, Set.of());
    }
}
