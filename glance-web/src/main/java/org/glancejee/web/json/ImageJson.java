package org.glancejee.web.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageAttribute;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An image as the API shows it: custom properties first, then every core attribute in schema order
 * ({@code null} when unset), tags and the self/file/schema links. Walks {@link ImageAttribute}, the same
 * list the schema is made from.
 */
public final class ImageJson {
    private ImageJson() {
    }

    /** @param readable which custom properties the caller may see (property protections) */
    public static JsonObject view(Image image, Predicate<String> readable) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        new TreeMap<>(image.properties()).forEach((k, v) -> {
            if (!readable.test(k) || k.equals(Image.STAGE_HOST)) {
                return;
            }
            if (v == null) {
                json.addNull(k);
            } else {
                json.add(k, v);
            }
        });
        for (ImageAttribute attribute : ImageAttribute.values()) {
            switch (attribute) {
                case SELF -> json.add("self", "/v2/images/" + image.id());
                case FILE -> json.add("file", "/v2/images/" + image.id() + "/file");
                case SCHEMA -> json.add("schema", "/v2/schemas/image");
                case DIRECT_URL, LOCATIONS -> { }
                default -> add(json, attribute.apiName(), image.attribute(attribute));
            }
        }
        return json.build();
    }

    /** Glance's timestamp format: UTC, whole seconds, {@code Z}. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof String s) {
            json.add(name, s);
        } else if (value instanceof Boolean b) {
            json.add(name, b);
        } else if (value instanceof Integer i) {
            json.add(name, i);
        } else if (value instanceof Long l) {
            json.add(name, l);
        } else if (value instanceof Instant t) {
            json.add(name, timestamp(t));
        } else if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
            items.forEach(item -> array.add(String.valueOf(item)));
            json.add(name, array);
        } else if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("maps are not image attributes");
        } else {
            json.add(name, String.valueOf(value));
        }
    }
}
