package org.glancejee.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.AuthSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Validates callers' tokens against Keystone, through the cache. The service user's own token is
 * issued on first use and renewed shortly before it expires or when Keystone stops accepting it.
 */
@ApplicationScoped
public class TokenValidator {
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);

    @Inject
    AuthSettings settings;

    private Clock clock = Clock.systemUTC();
    private volatile KeystoneClient keystone;
    private volatile TokenCache cache;
    private volatile KeystoneClient.IssuedToken serviceToken;

    public TokenValidator() {
    }

    /** For tests: a validator over a given client, cache settings and clock, without CDI. */
    TokenValidator(KeystoneClient keystone, Duration cacheTime, int cacheSize, Clock clock) {
        this.keystone = keystone;
        this.cache = new TokenCache(cacheTime, cacheSize);
        this.clock = clock;
    }

    /**
     * @throws InvalidTokenException when Keystone does not accept the token
     * @throws IdentityUnavailableException when Keystone cannot be asked
     */
    public ValidatedToken validate(String token) {
        ensureStarted();
        Instant now = clock.instant();
        String digest = digest(token);
        ValidatedToken known = cache.get(digest, now);
        if (known != null) {
            return known;
        }
        ValidatedToken checked;
        try {
            checked = keystone.validate(serviceToken(false), token);
        } catch (KeystoneClient.ServiceTokenRejectedException e) {
            checked = keystone.validate(serviceToken(true), token);
        }
        if (checked.expiredAt(now)) {
            throw new InvalidTokenException("token expired");
        }
        cache.put(digest, checked, now);
        return checked;
    }

    private void ensureStarted() {
        if (keystone == null) {
            synchronized (this) {
                if (keystone == null) {
                    cache = new TokenCache(settings.tokenCacheTime(), settings.tokenCacheSize());
                    keystone = new KeystoneClient(settings.authUrl(), settings.username(), settings.password(),
                            settings.userDomainName(), settings.projectName(), settings.projectDomainName(),
                            settings.httpConnectTimeout());
                }
            }
        }
    }

    private synchronized String serviceToken(boolean renew) {
        KeystoneClient.IssuedToken current = serviceToken;
        if (renew || current == null || (current.expiresAt() != null
                && !clock.instant().isBefore(current.expiresAt().minus(RENEW_BEFORE_EXPIRY)))) {
            current = keystone.issueServiceToken();
            serviceToken = current;
        }
        return current.id();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
