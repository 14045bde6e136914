package org.glancejee.web.admin;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who signed in to the admin pages, kept in their HTTP session: a Keystone token (never shown to the browser)
 * or, with {@code auth_strategy=noauth}, the unauthenticated admin. {@code csrf} is the session's secret every
 * change must carry.
 */
public record SignIn(String userName, String projectName, String token, Instant expiresAt, String csrf)
        implements Serializable {
    static final String ATTRIBUTE = SignIn.class.getName();

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
