package org.glancejee.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The life cycle of an image, in the order Glance's schema lists it. */
public enum ImageStatus {
    QUEUED, SAVING, ACTIVE, KILLED, DELETED, UPLOADING, IMPORTING, PENDING_DELETE, DEACTIVATED;

    /** The name the API uses, e.g. {@code pending_delete}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImageStatus> fromApiName(String value) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(value)).findFirst();
    }
}
