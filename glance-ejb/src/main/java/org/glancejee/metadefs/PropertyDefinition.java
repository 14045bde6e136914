package org.glancejee.metadefs;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.glancejee.domain.InvalidInputException;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A property definition as Glance's metadef property schema allows it: a JSON-Schema fragment with a
 * {@code title} and a {@code type} among array, boolean, integer, number, object, string and null, and only
 * the keywords that schema lists, each of its type. Anything else is refused with 400 and what was wrong.
 */
public final class PropertyDefinition {
    private static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "object", "string");
    private static final Map<String, JsonValue.ValueType[]> KEYWORDS = Map.ofEntries(
            Map.entry("name", strings()), Map.entry("title", strings()), Map.entry("description", strings()),
            Map.entry("type", strings()), Map.entry("operators", arrays()), Map.entry("enum", arrays()),
            Map.entry("default", new JsonValue.ValueType[0]), Map.entry("minimum", numbers()),
            Map.entry("maximum", numbers()), Map.entry("minLength", numbers()), Map.entry("maxLength", numbers()),
            Map.entry("pattern", strings()), Map.entry("readonly", booleans()), Map.entry("items", objects()),
            Map.entry("minItems", numbers()), Map.entry("maxItems", numbers()),
            Map.entry("uniqueItems", booleans()), Map.entry("additionalItems", booleans()),
            Map.entry("required", arrays()));
    private static final Set<String> COUNTS = Set.of("minLength", "maxLength", "minItems", "maxItems");

    private final String name;
    private final JsonObject schema;

    private PropertyDefinition(String name, JsonObject schema) {
        this.name = name;
        this.schema = schema;
    }

    /**
     * A definition from a request: {@code name} from the body when {@code nameRequired} (a property's own
     * endpoints), else the given one (a namespace's {@code properties} map).
     */
    public static PropertyDefinition parse(JsonObject body, String givenName, boolean nameRequired) {
        return parse(body, givenName, nameRequired, "property");
    }

    /** As {@link #parse(JsonObject, String, boolean)}, its errors naming the schema of the body it is part of. */
    public static PropertyDefinition parse(JsonObject body, String givenName, boolean nameRequired, String schemaName) {
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            JsonValue.ValueType[] allowed = KEYWORDS.get(entry.getKey());
            if (allowed == null) {
                throw invalid(schemaName, "Additional properties are not allowed ('" + entry.getKey()
                        + "' was unexpected)");
            }
            if (allowed.length > 0 && !Set.of(allowed).contains(entry.getValue().getValueType())) {
                throw invalid(schemaName, entry.getValue() + " is not of the type of '" + entry.getKey() + "'");
            }
        }
        for (String required : nameRequired ? new String[] {"name", "title", "type"} : new String[] {"title", "type"}) {
            if (!body.containsKey(required)) {
                throw invalid(schemaName, "'" + required + "' is a required property");
            }
        }
        String type = body.getString("type");
        if (!TYPES.contains(type)) {
            throw invalid(schemaName, "'" + type + "' is not one of ['array', 'boolean', 'integer', 'number', 'object',"
                    + " 'string', None]");
        }
        for (String count : COUNTS) {
            if (body.get(count) instanceof JsonNumber n && (!n.isIntegral() || n.longValue() < 0)) {
                throw invalid(schemaName, n + " is not a positive integer ('" + count + "')");
            }
        }
        if (body.get("pattern") instanceof JsonString pattern) {
            try {
                Pattern.compile(pattern.getString());
            } catch (PatternSyntaxException e) {
                throw invalid(schemaName, "'" + pattern.getString() + "' is not a 'regex'");
            }
        }
        if (body.get("items") instanceof JsonObject items) {
            for (String key : items.keySet()) {
                if (!key.equals("type") && !key.equals("enum")) {
                    throw invalid(schemaName, "Additional properties are not allowed in 'items' ('" + key
                            + "' was unexpected)");
                }
            }
            if (items.containsKey("type") && !(items.get("type") instanceof JsonString t && TYPES.contains(t.getString()))) {
                throw invalid(schemaName, items.get("type") + " is not a type for 'items'");
            }
        }
        if (body.get("required") instanceof JsonArray required) {
            Set<JsonValue> seen = new HashSet<>();
            for (JsonValue value : required) {
                if (!(value instanceof JsonString) || !seen.add(value)) {
                    throw invalid(schemaName, "'required' must list distinct strings");
                }
            }
        }
        String name = nameRequired ? body.getString("name") : givenName;
        if (name == null || name.isEmpty() || name.length() > 80) {
            throw invalid(schemaName, "a property's name takes 1 to 80 characters");
        }
        return new PropertyDefinition(name, body);
    }

    static PropertyDefinition stored(String name, String schemaText) {
        try (var reader = Json.createReader(new StringReader(schemaText))) {
            return new PropertyDefinition(name, reader.readObject());
        }
    }

    public String name() {
        return name;
    }

    String schemaText() {
        return schema.toString();
    }

    /** The definition as the property endpoints show it: its name first, then its schema keywords. */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", name);
        asListed().forEach((key, value) -> {
            if (!key.equals("name")) {
                json.add(key, value);
            }
        });
        return json.build();
    }

    /**
     * The definition as namespaces and property lists show it: as it was given (Glance keeps a "name" in it when
     * the property came from the property endpoints, and none when it came with its namespace or from a file),
     * with a scalar default shown as text, as Glance shows it (8 as "8", true as "True"). Glance shows a list or
     * object default as null, losing it; we show it as it was given.
     */
    public JsonObject asListed() {
        JsonValue given = schema.get("default");
        if (given == null || given.getValueType() == JsonValue.ValueType.STRING
                || given.getValueType() == JsonValue.ValueType.NULL
                || given.getValueType() == JsonValue.ValueType.ARRAY
                || given.getValueType() == JsonValue.ValueType.OBJECT) {
            return schema;
        }
        String text = given == JsonValue.TRUE ? "True" : given == JsonValue.FALSE ? "False" : given.toString();
        return Json.createObjectBuilder(schema).add("default", text).build();
    }

    /** The definition exactly as it was given, as stored and exported. */
    JsonObject given() {
        return schema;
    }

    private static InvalidInputException invalid(String schemaName, String why) {
        return new InvalidInputException("Provided object does not match schema '" + schemaName + "': " + why);
    }

    private static JsonValue.ValueType[] strings() {
        return new JsonValue.ValueType[] {JsonValue.ValueType.STRING};
    }

    private static JsonValue.ValueType[] numbers() {
        return new JsonValue.ValueType[] {JsonValue.ValueType.NUMBER};
    }

    private static JsonValue.ValueType[] booleans() {
        return new JsonValue.ValueType[] {JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE};
    }

    private static JsonValue.ValueType[] arrays() {
        return new JsonValue.ValueType[] {JsonValue.ValueType.ARRAY};
    }

    private static JsonValue.ValueType[] objects() {
        return new JsonValue.ValueType[] {JsonValue.ValueType.OBJECT};
    }
}
