package org.glancejee.imports;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.glancejee.domain.ImportMethod;
import org.glancejee.domain.ImportRequest;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.Task;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The import request's body, checked as Glance checks it, and the task input Glance records for it:
 * {@code {"image_id": …, "import_req": <the body>, "backend": [stores]}}.
 */
public final class ImportInput {
    private ImportInput() {
    }

    /** Parses and checks a request body; methods not in {@code enabled} are refused (400). */
    public static ImportRequest parse(JsonObject body, Collection<String> enabled) {
        JsonValue method = body.get("method");
        if (!(method instanceof JsonObject m)) {
            throw new InvalidInputException("Import request requires a 'method' field.");
        }
        if (!m.containsKey("name")) {
            throw new InvalidInputException("Import request requires a 'name' field.");
        }
        String name = text(m, "name").orElse(String.valueOf(m.get("name")));
        if (!enabled.contains(name)) {
            throw new InvalidInputException("Unknown import method name '" + name + "'.");
        }
        return read(body);
    }

    /** The request recorded in a task's input: an api_image_import's, or a legacy import task's. */
    public static ImportRequest fromTaskInput(String type, String input) {
        JsonObject task = object(input);
        if (type.equals(Task.LEGACY_IMPORT)) {
            return new ImportRequest(ImportMethod.WEB_DOWNLOAD, text(task, "import_from"), Optional.empty(),
                    Optional.empty(), "public", List.of(), false, true);
        }
        List<String> backends = new ArrayList<>();
        if (task.get("backend") instanceof JsonArray array) {
            array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                    .forEach(backends::add);
        }
        return read(task.getJsonObject("import_req")).withStores(backends);
    }

    /** The task input for an import of {@code imageId}; an empty store list is Glance's {@code [null]}. */
    public static String taskInput(String imageId, JsonObject body, List<String> stores) {
        JsonArrayBuilder backend = Json.createArrayBuilder();
        if (stores.isEmpty()) {
            backend.addNull();
        } else {
            stores.forEach(backend::add);
        }
        return Json.createObjectBuilder().add("image_id", imageId).add("import_req", body)
                .add("backend", backend).build().toString();
    }

    private static ImportRequest read(JsonObject body) {
        JsonObject method = body.getJsonObject("method");
        ImportMethod kind = ImportMethod.fromApiName(method.getString("name", ""))
                .orElseThrow(() -> new InvalidInputException("Unknown import method name '"
                        + method.get("name") + "'."));
        boolean mustSucceed = flag(body, "all_stores_must_succeed", true);
        boolean allStores = flag(body, "all_stores", false);
        List<String> stores = new ArrayList<>();
        if (body.get("stores") instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (!(v instanceof JsonString s)) {
                    throw new InvalidInputException("Invalid stores: " + array);
                }
                stores.add(s.getString());
            }
        }
        return new ImportRequest(kind, text(method, "uri"), text(method, "glance_region"),
                text(method, "glance_image_id"), text(method, "glance_service_interface").orElse("public"),
                stores, allStores, mustSucceed);
    }

    private static boolean flag(JsonObject body, String key, boolean absent) {
        JsonValue v = body.get(key);
        if (v == null) {
            return absent;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new InvalidInputException("'" + key + "' must be boolean value only");
    }

    private static Optional<String> text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new IllegalStateException("Task input is not JSON", e);
        }
    }
}
