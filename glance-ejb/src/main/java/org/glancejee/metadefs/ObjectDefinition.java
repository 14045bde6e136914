package org.glancejee.metadefs;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.glancejee.domain.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A metadef object as Glance's object schema allows it: a name, and optionally a description, the names of
 * its required properties and its property definitions. Fields left out are null, so a view can show what was
 * given.
 */
public record ObjectDefinition(String name, String description, List<String> required,
                               Map<String, PropertyDefinition> properties) {
    private static final Set<String> FIELDS = Set.of("name", "description", "required", "properties");

    /** An object from a request body (or an item of a namespace's {@code objects}). */
    public static ObjectDefinition parse(JsonObject body) {
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw invalid("Additional properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        if (!(body.get("name") instanceof JsonString name)) {
            throw invalid(body.containsKey("name") ? body.get("name") + " is not of type 'string'"
                    : "'name' is a required property");
        }
        if (name.getString().isEmpty() || name.getString().length() > 80) {
            throw invalid("an object's name takes 1 to 80 characters");
        }
        String description = null;
        if (body.containsKey("description") && body.get("description").getValueType() != JsonValue.ValueType.NULL) {
            if (!(body.get("description") instanceof JsonString text)) {
                throw invalid(body.get("description") + " is not of type 'string'");
            }
            description = text.getString();
        }
        return new ObjectDefinition(name.getString(), description, required(body.get("required")),
                properties(body.get("properties")));
    }

    private static List<String> required(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(value + " is not of type 'array'");
        }
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text) || !seen.add(text.getString())) {
                throw invalid("'required' must list distinct strings");
            }
            if (text.getString().contains(",")) {
                // Kept comma-separated, as Glance keeps them: a comma would split a name in two.
                throw invalid("a required property's name cannot contain ','");
            }
            names.add(text.getString());
        }
        return List.copyOf(names);
    }

    private static Map<String, PropertyDefinition> properties(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid(value + " is not of type 'object'");
        }
        Map<String, PropertyDefinition> definitions = new LinkedHashMap<>();
        object.forEach((name, definition) -> {
            if (!(definition instanceof JsonObject fields)) {
                throw invalid(definition + " is not of type 'object'");
            }
            definitions.put(name, PropertyDefinition.parse(fields, name, false, "object"));
        });
        return definitions;
    }

    /** What Glance keeps of the properties: the definitions by name, as JSON text. */
    String propertiesText() {
        return givenProperties(properties == null ? Map.of() : properties).toString();
    }

    static Map<String, PropertyDefinition> storedProperties(String text) {
        Map<String, PropertyDefinition> definitions = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return definitions;
        }
        try (var reader = Json.createReader(new java.io.StringReader(text))) {
            reader.readObject().forEach((name, definition) ->
                    definitions.put(name, PropertyDefinition.stored(name, definition.toString())));
        }
        return definitions;
    }

    /** The definitions by name as the API shows them, each without its name inside, each name prefixed. */
    public static JsonObject propertiesJson(Map<String, PropertyDefinition> properties, String prefix) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        properties.forEach((name, definition) -> {
            JsonObjectBuilder fields = Json.createObjectBuilder(definition.toJson());
            json.add(prefix + name, fields.remove("name"));
        });
        return json.build();
    }

    /** The definitions by name exactly as given, each without its name inside: stored and exported so. */
    static JsonObject givenProperties(Map<String, PropertyDefinition> properties) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        properties.forEach((name, definition) -> json.add(name,
                Json.createObjectBuilder(definition.given()).remove("name")));
        return json.build();
    }

    /** The object's own fields as the API shows them; absent ones left out. */
    public JsonObjectBuilder toJson(String prefix) {
        JsonObjectBuilder json = fields(prefix);
        if (properties != null) {
            json.add("properties", propertiesJson(properties, prefix));
        }
        return json;
    }

    /** The object as a definition file holds it: its properties exactly as given. */
    JsonObjectBuilder toFile() {
        JsonObjectBuilder json = fields("");
        if (properties != null) {
            json.add("properties", givenProperties(properties));
        }
        return json;
    }

    private JsonObjectBuilder fields(String prefix) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", name);
        if (required != null) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            required.forEach(r -> names.add(prefix + r));
            json.add("required", names);
        }
        if (description != null) {
            json.add("description", description);
        }
        return json;
    }

    private static InvalidInputException invalid(String why) {
        return new InvalidInputException("Provided object does not match schema 'object': " + why);
    }
}
