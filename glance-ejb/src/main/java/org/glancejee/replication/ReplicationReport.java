package org.glancejee.replication;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * What one comparison or replication with a peer found and did: the images that differ (those in sync are only
 * counted), and for a replication what became of each.
 */
public record ReplicationReport(String target, Instant startedAt, Instant finishedAt, boolean applied,
                                int compared, int inSync, List<Entry> differences, String error) {

    /** One image that differs; {@code outcome} is empty in a comparison. */
    public record Entry(String imageId, String name, Difference difference, String detail, Outcome outcome,
                        String message) {
    }

    public enum Outcome { NONE, DONE, FAILED, LEFT_ALONE }

    public long count(Outcome outcome) {
        return differences.stream().filter(e -> e.outcome() == outcome).count();
    }

    public JsonObject toJson() {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (Entry e : differences) {
            var entry = Json.createObjectBuilder().add("id", e.imageId())
                    .add("name", e.name() == null ? "" : e.name())
                    .add("difference", e.difference().apiName()).add("detail", e.detail());
            if (applied) {
                entry.add("outcome", e.outcome().name().toLowerCase()).add("message", e.message());
            }
            entries.add(entry);
        }
        var json = Json.createObjectBuilder().add("target", target).add("started_at", startedAt.toString())
                .add("finished_at", finishedAt.toString()).add("replicated", applied).add("compared", compared)
                .add("in_sync", inSync).add("differences", entries);
        if (applied) {
            json.add("done", count(Outcome.DONE)).add("failed", count(Outcome.FAILED))
                    .add("left_alone", count(Outcome.LEFT_ALONE));
        }
        if (error != null) {
            json.add("error", error);
        }
        return json.build();
    }
}
