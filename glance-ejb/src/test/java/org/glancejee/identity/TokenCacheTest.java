package org.glancejee.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TokenCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ValidatedToken token(String project, Instant expiresAt) {
        return new ValidatedToken("u-" + project, project, Set.of("member"), expiresAt);
    }

    @Test
    void aTokenIsTrustedForTheCacheTimeThenCheckedAgain() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(300), 10);
        ValidatedToken alpha = token("alpha", T0.plusSeconds(3600));
        cache.put("a", alpha, T0);
        assertEquals(alpha, cache.get("a", T0.plusSeconds(299)));
        assertNull(cache.get("a", T0.plusSeconds(300)), "revocation must show within token_cache_time");
        assertEquals(0, cache.size());
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(300), 10);
        cache.put("a", token("alpha", T0.plusSeconds(10)), T0);
        assertNull(cache.get("a", T0.plusSeconds(10)));
    }

    @Test
    void theLeastRecentlyUsedGoWhenFull() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(300), 2);
        cache.put("a", token("a", null), T0);
        cache.put("b", token("b", null), T0);
        cache.get("a", T0);
        cache.put("c", token("c", null), T0);
        assertEquals(2, cache.size());
        assertNull(cache.get("b", T0));
        assertEquals("a", cache.get("a", T0).projectId());
        assertEquals("c", cache.get("c", T0).projectId());
    }

    @Test
    void aZeroCacheTimeCachesNothing() {
        TokenCache cache = new TokenCache(Duration.ZERO, 10);
        cache.put("a", token("a", null), T0);
        assertNull(cache.get("a", T0));
    }

    @Test
    void authUrlWithOrWithoutVersion() {
        assertEquals("http://k:5000/v3", KeystoneClient.v3("http://k:5000"));
        assertEquals("http://k:5000/v3", KeystoneClient.v3("http://k:5000/"));
        assertEquals("http://k:5000/identity/v3", KeystoneClient.v3("http://k:5000/identity/v3/"));
    }
}
