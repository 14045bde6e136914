package org.glancejee.service;

import org.glancejee.domain.Image;
import org.glancejee.domain.ImageRules;
import org.glancejee.domain.PropertyProtections;
import org.glancejee.policy.Policy;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.domain.RequestContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Callers and images for the policy tests: the personas of Glance's secure-RBAC defaults. */
final class Personas {
    static final String OWNER = "owner-project";
    static final String MEMBER = "member-project";
    static final String STRANGER = "other-project";

    private Personas() {
    }

    static RequestContext caller(String project, String... roles) {
        Set<String> set = Set.of(roles);
        return new RequestContext(project, "user-of-" + project, set, set.contains("admin"), "req-test");
    }

    /** Keystone's implied roles: member implies reader. */
    static RequestContext memberRole(String project) {
        return caller(project, "member", "reader");
    }

    static RequestContext readerRole(String project) {
        return caller(project, "reader");
    }

    static RequestContext admin(String project) {
        return caller(project, "admin", "member", "reader");
    }

    static Image image(String owner, String visibility) {
        Image image = Image.newImage(null, owner, Instant.parse("2026-01-02T03:04:05Z"));
        new ImageRules(List.of("raw"), List.of("bare"), 128, 128, PropertyProtections.NONE,
                new ImageAuthorization(new PolicyEnforcer(Policy.defaults())))
                .applyCreate(image, Map.of("visibility", visibility), admin(null));
        return image;
    }
}
