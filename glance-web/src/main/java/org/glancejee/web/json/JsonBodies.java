package org.glancejee.web.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import org.glancejee.domain.InvalidInputException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies as plain Java values the domain understands: String, Long (or BigDecimal for
 * non-integers), Boolean, null, List and Map. Malformed JSON is Glance's 400.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static JsonValue parse(String body) {
        if (body == null || body.isEmpty()) {
            throw new InvalidInputException("Body expected in request.");
        }
        // A parser rather than a reader: the reader stops after the first value and would accept
        // '{"name": "x"}}'; Python's json.loads, and so Glance, refuses anything after it.
        try (JsonParser parser = Jsons.PROVIDER.createParser(new StringReader(body))) {
            if (!parser.hasNext()) {
                throw malformed();
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed();
            }
            return value;
        } catch (jakarta.json.JsonException e) {
            throw malformed();
        }
    }

    private static InvalidInputException malformed() {
        return new InvalidInputException("Malformed JSON in request body.");
    }

    /** A body that must be a JSON object, as a map in document order. */
    public static Map<String, Object> object(String body) {
        JsonValue value = parse(body);
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            // Glance fails with a 500 here; a list is simply not an image.
            throw new InvalidInputException("Request body must be a JSON object.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("Unexpected body type. Expected list/dict.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toJava(value);
        return map;
    }

    public static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, toJava(v)));
                yield map;
            }
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooBig) {
                return number.bigDecimalValue();
            }
        }
        return number.bigDecimalValue();
    }
}
