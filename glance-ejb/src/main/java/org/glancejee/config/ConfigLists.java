package org.glancejee.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Comma-separated settings that may be unset: Payara's MicroProfile Config cannot inject Optional<List<String>>. */
public final class ConfigLists {
    private ConfigLists() {
    }

    public static List<String> split(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
