package org.glancejee.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * A service user's own Keystone token: issued on first use, renewed shortly before it expires or when
 * Keystone stops accepting it.
 */
public final class ServiceToken {
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);

    private final KeystoneClient keystone;
    private final Clock clock;
    private KeystoneClient.IssuedToken current;

    public ServiceToken(KeystoneClient keystone, Clock clock) {
        this.keystone = keystone;
        this.clock = clock;
    }

    /** The token to send; {@code renew} asks for a new one even if the current one looks valid. */
    public synchronized String id(boolean renew) {
        if (renew || current == null || (current.expiresAt() != null
                && !clock.instant().isBefore(current.expiresAt().minus(RENEW_BEFORE_EXPIRY)))) {
            current = keystone.issueServiceToken();
        }
        return current.id();
    }

    /** Runs a call with the token, once more with a new token if Keystone refused the current one. */
    public <T> T use(Function<String, T> call) {
        try {
            return call.apply(id(false));
        } catch (KeystoneClient.ServiceTokenRejectedException e) {
            return call.apply(id(true));
        }
    }
}
