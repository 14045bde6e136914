package org.glancejee.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A task's life: pending → processing → success | failure (or pending → failure). */
public enum TaskStatus {
    PENDING, PROCESSING, SUCCESS, FAILURE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCESS || this == FAILURE;
    }

    public static Optional<TaskStatus> fromApiName(String value) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(value)).findFirst();
    }
}
