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
    @Inject
    AuthSettings settings;

    private Clock clock = Clock.systemUTC();
    private volatile KeystoneClient keystone;
    private volatile TokenCache cache;
    private volatile ServiceToken serviceToken;

    public TokenValidator() {
    }

    /** For tests: a validator over a given client, cache settings and clock, without CDI. */
    TokenValidator(KeystoneClient keystone, Duration cacheTime, int cacheSize, Clock clock) {
        this.keystone = keystone;
        this.cache = new TokenCache(cacheTime, cacheSize);
        this.clock = clock;
        this.serviceToken = new ServiceToken(keystone, clock);
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
        ValidatedToken checked = serviceToken.use(service -> keystone.validate(service, token));
        if (checked.expiredAt(now)) {
            throw new InvalidTokenException("token expired");
        }
        cache.put(digest, checked, now);
        return checked;
    }

    /** An endpoint from {@code token}'s service catalog; empty when the catalog has none for that region. */
    public java.util.Optional<String> catalogEndpoint(String token, String type, String region, String iface) {
        ensureStarted();
        return serviceToken.use(service -> keystone.catalogEndpoint(service, token, type, region, iface));
    }

    private void ensureStarted() {
        if (keystone == null) {
            synchronized (this) {
                if (keystone == null) {
                    cache = new TokenCache(settings.tokenCacheTime(), settings.tokenCacheSize());
                    KeystoneClient client = new KeystoneClient(settings.authUrl(), settings.username(), settings.password(),
                            settings.userDomainName(), settings.projectName(), settings.projectDomainName(),
                            settings.httpConnectTimeout());
                    serviceToken = new ServiceToken(client, clock);
                    keystone = client;
                }
            }
        }
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
