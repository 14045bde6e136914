package org.glancejee.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may see an image: everyone (public, community), members (shared) or only the owner (private). */
public enum Visibility {
    COMMUNITY, PUBLIC, PRIVATE, SHARED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> fromApiName(String value) {
        return Arrays.stream(values()).filter(v -> v.apiName().equals(value)).findFirst();
    }
}
