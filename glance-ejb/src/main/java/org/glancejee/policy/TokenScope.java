package org.glancejee.policy;

/** What a token is scoped to; a rule registered with scope types refuses tokens of any other scope. */
public enum TokenScope {
    PROJECT, DOMAIN, SYSTEM
}
