package org.glancejee.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.List;

/** Reads a MicroProfile Health answer ({"status":..,"checks":[{"name":..,"status":..}]}). */
final class HealthAnswer {
    private HealthAnswer() {
    }

    /** name:status of each check among those named, sorted; a check that answers twice shows twice. */
    static List<String> checks(String health, String... names) {
        try (JsonReader reader = Json.createReader(new StringReader(health))) {
            return reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> List.of(names).contains(check.getString("name")))
                    .map(check -> check.getString("name") + ":" + check.getString("status"))
                    .sorted().toList();
        }
    }
}
