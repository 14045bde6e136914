package org.glancejee.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens Keystone accepted, by digest, each trusted until its expiry or for {@code cacheTime} after it
 * was checked, whichever comes first; the least recently used go once there are {@code maxEntries}.
 */
final class TokenCache {
    private record Entry(ValidatedToken token, Instant checkedAt) {
    }

    private final Duration cacheTime;
    private final Map<String, Entry> entries;

    TokenCache(Duration cacheTime, int maxEntries) {
        this.cacheTime = cacheTime;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized ValidatedToken get(String digest, Instant now) {
        Entry entry = entries.get(digest);
        if (entry == null) {
            return null;
        }
        if (entry.token().expiredAt(now) || !now.isBefore(entry.checkedAt().plus(cacheTime))) {
            entries.remove(digest);
            return null;
        }
        return entry.token();
    }

    synchronized void put(String digest, ValidatedToken token, Instant now) {
        if (!cacheTime.isZero()) {
            entries.put(digest, new Entry(token, now));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
