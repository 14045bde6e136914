package org.glancejee.web.json;

import jakarta.json.JsonValue;
import org.glancejee.domain.InvalidInputException;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The bodies of {@code POST /v2/images/{id}/members} ({@code {"member": "<project>"}}) and
 * {@code PUT /v2/images/{id}/members/{member}} ({@code {"status": "<status>"}}), read as Glance's request
 * deserializer reads them, with its messages: a body must be a JSON object or list, a list is the wrong
 * form, and a member must be present and not empty (Python's truthiness: "", 0, false, null, [] and {} are
 * empty). The status is not checked here: Glance looks the image and the member up first.
 */
public final class MemberRequests {
    private MemberRequests() {
    }

    /** The project to share with. */
    public static String member(String body) {
        Map<String, Object> fields = object(body, "Expected a member in the form: {\"member\": \"image_id\"}");
        if (!fields.containsKey("member")) {
            throw new InvalidInputException("Member to be added not specified");
        }
        Object member = fields.get("member");
        if (empty(member)) {
            throw new InvalidInputException("Member can't be empty");
        }
        return asText(member);
    }

    /** The requested status: any JSON value, as Java's plain types. */
    public static Object status(String body) {
        Map<String, Object> fields = object(body, "Expected a status in the form: {\"status\": \"status\"}");
        if (!fields.containsKey("status")) {
            throw new InvalidInputException("Status not specified");
        }
        return fields.get("status");
    }

    private static Map<String, Object> object(String body, String wrongForm) {
        JsonValue value = JsonBodies.parse(body);
        switch (value.getValueType()) {
            case OBJECT -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) JsonBodies.toJava(value);
                return fields;
            }
            case ARRAY -> throw new InvalidInputException(wrongForm);
            default -> throw new InvalidInputException("Unexpected body type. Expected list/dict.");
        }
    }

    private static boolean empty(Object value) {
        return value == null || Boolean.FALSE.equals(value) || "".equals(value)
                || (value instanceof Long n && n == 0) || (value instanceof BigDecimal d && d.signum() == 0)
                || (value instanceof Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    /**
     * A project id is text. Glance also takes a number or true and its database keeps their text ("123",
     * "1.5", and "1" for true), so this does the same; a list or an object, which Glance fails on with a
     * 500, is the wrong form.
     */
    private static String asText(Object member) {
        if (member instanceof String s) {
            return s;
        }
        if (member instanceof Long n) {
            return n.toString();
        }
        if (member instanceof BigDecimal d) {
            // Python reads digits alone as an int and anything with a point or an exponent as a float
            return d.scale() == 0 ? d.toBigInteger().toString() : String.valueOf(d.doubleValue());
        }
        if (Boolean.TRUE.equals(member)) {
            return "1";
        }
        throw new InvalidInputException("Expected a member in the form: {\"member\": \"image_id\"}");
    }
}
