package org.glancejee.identity;

import java.time.Instant;
import java.util.Set;

/** What Keystone said of a token: whose it is, the project it is scoped to, its roles and expiry. */
public record ValidatedToken(String userId, String projectId, Set<String> roles, Instant expiresAt) {

    public ValidatedToken {
        roles = Set.copyOf(roles);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
