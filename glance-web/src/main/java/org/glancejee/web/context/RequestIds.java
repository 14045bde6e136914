package org.glancejee.web.context;

import java.util.UUID;

/** Request ids: the client's own when it sends a usable one, as Glance echoes it, otherwise a new one. */
final class RequestIds {
    static final String HEADER = "x-openstack-request-id";

    private RequestIds() {
    }

    static String newId() {
        return "req-" + UUID.randomUUID();
    }

    /** Whether the client sent an id too long or with characters a header must not carry (Glance: 431). */
    static boolean unacceptable(String incoming, int maxLength) {
        if (incoming == null || incoming.isBlank()) {
            return false;
        }
        String id = incoming.strip();
        return id.length() > maxLength || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The id a request goes by. */
    static String of(String incoming, int maxLength) {
        return incoming == null || incoming.isBlank() || unacceptable(incoming, maxLength) ? newId() : incoming.strip();
    }
}
