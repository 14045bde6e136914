package org.glancejee.web.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.glancejee.domain.Task;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Tasks as Glance shows them: whole in {@code GET /v2/tasks/{id}}, as stubs (no input, result or message)
 * in the task list, and as database rows in {@code GET /v2/images/{id}/tasks}, which Glance serialises
 * straight from its table (microsecond timestamps without zone, and the deleted flags).
 */
public final class TaskJson {
    private static final DateTimeFormatter ROW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private TaskJson() {
    }

    public static JsonObject view(Task task) {
        JsonObjectBuilder json = stubBuilder(task);
        json.add("input", parsed(task.input()));
        json.add("result", parsed(task.result()));
        json.add("message", task.message() == null ? "" : task.message());
        if (task.imageId() != null) {
            json.add("image_id", task.imageId());
        }
        if (task.requestId() != null) {
            json.add("request_id", task.requestId());
        }
        if (task.userId() != null) {
            json.add("user_id", task.userId());
        }
        return json.build();
    }

    public static JsonObject stub(Task task) {
        return stubBuilder(task).build();
    }

    public static JsonObject imageTasks(List<Task> tasks) {
        var array = Jsons.PROVIDER.createArrayBuilder();
        for (Task t : tasks) {
            JsonObjectBuilder row = Jsons.PROVIDER.createObjectBuilder()
                    .add("id", t.id())
                    .add("type", t.type())
                    .add("status", t.status().apiName());
            text(row, "owner", t.owner());
            time(row, "expires_at", t.expiresAt());
            time(row, "created_at", t.createdAt());
            time(row, "updated_at", t.updatedAt());
            row.addNull("deleted_at").add("deleted", false);
            text(row, "image_id", t.imageId());
            text(row, "request_id", t.requestId());
            text(row, "user_id", t.userId());
            row.add("input", parsed(t.input())).add("result", parsed(t.result()));
            text(row, "message", t.message());
            array.add(row);
        }
        return Jsons.PROVIDER.createObjectBuilder().add("tasks", array).build();
    }

    private static JsonObjectBuilder stubBuilder(Task task) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder()
                .add("id", task.id())
                .add("type", task.type())
                .add("status", task.status().apiName());
        text(json, "owner", task.owner());
        json.add("created_at", ImageJson.timestamp(task.createdAt()))
                .add("updated_at", ImageJson.timestamp(task.updatedAt()));
        if (task.expiresAt() != null) {
            json.add("expires_at", ImageJson.timestamp(task.expiresAt()));
        }
        return json.add("self", "/v2/tasks/" + task.id()).add("schema", "/v2/schemas/task");
    }

    private static void text(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }

    private static void time(JsonObjectBuilder json, String key, Instant value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, ROW_TIME.format(value));
        }
    }

    private static JsonValue parsed(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
