package org.glancejee.web.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.glancejee.domain.ImageAttribute;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.PropertyDefinition;
import org.glancejee.domain.StandardProperties;
import org.glancejee.domain.Visibility;

import java.util.List;
import java.util.Optional;

/**
 * The JSON-Schema documents under /v2/schemas. The image schema is generated from {@link ImageAttribute}
 * and {@link StandardProperties}, the lists the JSON view and the write rules use too.
 */
public final class Schemas {
    private Schemas() {
    }

    public static Optional<JsonObject> named(String name, List<String> diskFormats, List<String> containerFormats) {
        return Optional.ofNullable(switch (name) {
            case "image" -> image(diskFormats, containerFormats);
            case "images" -> collection("images", image(diskFormats, containerFormats), true);
            case "member" -> member();
            case "members" -> collection("members", member(), false);
            case "task" -> task();
            case "tasks" -> collection("tasks", task(), true);
            default -> null;
        });
    }

    public static JsonObject image(List<String> diskFormats, List<String> containerFormats) {
        JsonObjectBuilder properties = Jsons.PROVIDER.createObjectBuilder();
        for (ImageAttribute a : ImageAttribute.values()) {
            properties.add(a.apiName(), attribute(a, diskFormats, containerFormats));
        }
        for (PropertyDefinition p : StandardProperties.ALL) {
            properties.add(p.name(), standardProperty(p));
        }
        return Jsons.PROVIDER.createObjectBuilder()
                .add("name", "image")
                .add("properties", properties)
                .add("additionalProperties", Jsons.PROVIDER.createObjectBuilder().add("type", "string"))
                .add("links", Jsons.PROVIDER.createArrayBuilder()
                        .add(link("self", "{self}")).add(link("enclosure", "{file}"))
                        .add(link("describedby", "{schema}")))
                .build();
    }

    private static JsonObjectBuilder attribute(ImageAttribute a, List<String> diskFormats,
                                               List<String> containerFormats) {
        if (a == ImageAttribute.LOCATIONS) {
            return locations();
        }
        JsonObjectBuilder p = Jsons.PROVIDER.createObjectBuilder();
        p.add("type", type(a));
        if (a.readOnly()) {
            p.add("readOnly", true);
        }
        p.add("description", a.description());
        if (a.maxLength() > 0) {
            p.add("maxLength", a.maxLength());
        }
        switch (a) {
            case ID -> p.add("pattern", ImageAttribute.UUID_PATTERN);
            case STATUS -> p.add("enum", strings(null, java.util.Arrays.stream(ImageStatus.values())
                    .map(ImageStatus::apiName).toList()));
            case VISIBILITY -> p.add("enum", strings(null, java.util.Arrays.stream(Visibility.values())
                    .map(Visibility::apiName).toList()));
            case DISK_FORMAT -> p.add("enum", strings(true, diskFormats));
            case CONTAINER_FORMAT -> p.add("enum", strings(true, containerFormats));
            case TAGS -> p.add("items", Jsons.PROVIDER.createObjectBuilder().add("type", "string").add("maxLength", 255));
            default -> { }
        }
        return p;
    }

    private static JsonObjectBuilder standardProperty(PropertyDefinition p) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        json.add("type", p.nullable() ? Jsons.PROVIDER.createArrayBuilder().add("null").add("string").build()
                : Jsons.PROVIDER.createValue("string"));
        if (p.pattern() != null) {
            json.add("pattern", p.pattern());
        }
        json.add("description", p.description());
        if (p.allowedValues() != null) {
            json.add("enum", strings(null, p.allowedValues()));
        }
        return json.add("is_base", false);
    }

    private static JsonObjectBuilder locations() {
        JsonObjectBuilder validation = Jsons.PROVIDER.createObjectBuilder()
                .add("description", "Values to be used to populate the corresponding image properties. If the image"
                        + " status is not 'queued', values must exactly match those already contained in the image"
                        + " properties.")
                .add("type", "object")
                .add("writeOnly", true)
                .add("additionalProperties", false)
                .add("properties", Jsons.PROVIDER.createObjectBuilder()
                        .add("checksum", Jsons.PROVIDER.createObjectBuilder().add("type", "string").add("minLength", 32)
                                .add("maxLength", 32))
                        .add("os_hash_algo", Jsons.PROVIDER.createObjectBuilder().add("type", "string").add("maxLength", 64))
                        .add("os_hash_value", Jsons.PROVIDER.createObjectBuilder().add("type", "string").add("maxLength", 128)))
                .add("required", Jsons.PROVIDER.createArrayBuilder().add("os_hash_algo").add("os_hash_value"));
        return Jsons.PROVIDER.createObjectBuilder()
                .add("type", "array")
                .add("items", Jsons.PROVIDER.createObjectBuilder()
                        .add("type", "object")
                        .add("properties", Jsons.PROVIDER.createObjectBuilder()
                                .add("url", Jsons.PROVIDER.createObjectBuilder().add("type", "string").add("maxLength", 255))
                                .add("metadata", Jsons.PROVIDER.createObjectBuilder().add("type", "object"))
                                .add("validation_data", validation))
                        .add("required", Jsons.PROVIDER.createArrayBuilder().add("url").add("metadata")))
                .add("description", ImageAttribute.LOCATIONS.description());
    }

    private static jakarta.json.JsonValue type(ImageAttribute a) {
        String name = switch (a.type()) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
        };
        return a.nullable() ? Jsons.PROVIDER.createArrayBuilder().add("null").add(name).build() : Jsons.PROVIDER.createValue(name);
    }

    private static JsonArrayBuilder strings(Boolean withNull, List<String> values) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        if (Boolean.TRUE.equals(withNull)) {
            array.addNull();
        }
        values.forEach(array::add);
        return array;
    }

    private static JsonObjectBuilder link(String rel, String href) {
        return Jsons.PROVIDER.createObjectBuilder().add("rel", rel).add("href", href);
    }

    private static JsonObject collection(String name, JsonObject item, boolean paged) {
        JsonObjectBuilder properties = Jsons.PROVIDER.createObjectBuilder()
                .add(name, Jsons.PROVIDER.createObjectBuilder().add("type", "array").add("items", item));
        JsonArrayBuilder links = Jsons.PROVIDER.createArrayBuilder();
        if (paged) {
            properties.add("first", Jsons.PROVIDER.createObjectBuilder().add("type", "string"))
                    .add("next", Jsons.PROVIDER.createObjectBuilder().add("type", "string"));
            links.add(link("first", "{first}")).add(link("next", "{next}"));
        } else {
            links.add(link("self", "{self}"));
        }
        properties.add("schema", Jsons.PROVIDER.createObjectBuilder().add("type", "string"));
        links.add(link("describedby", "{schema}"));
        return Jsons.PROVIDER.createObjectBuilder().add("name", name).add("properties", properties).add("links", links).build();
    }

    private static JsonObject member() {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("name", "member")
                .add("properties", Jsons.PROVIDER.createObjectBuilder()
                        .add("member_id", string("An identifier for the image member (tenantId)"))
                        .add("image_id", string("An identifier for the image")
                                .add("pattern", ImageAttribute.UUID_PATTERN))
                        .add("created_at", string("Date and time of image member creation"))
                        .add("updated_at", string("Date and time of last modification of image member"))
                        .add("status", string("The status of this image member")
                                .add("enum", strings(null, List.of("pending", "accepted", "rejected"))))
                        .add("schema", Jsons.PROVIDER.createObjectBuilder().add("readOnly", true).add("type", "string")))
                .build();
    }

    private static JsonObject task() {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("name", "task")
                .add("properties", Jsons.PROVIDER.createObjectBuilder()
                        .add("id", string("An identifier for the task").add("pattern", ImageAttribute.UUID_PATTERN))
                        .add("type", string("The type of task represented by this content")
                                .add("enum", strings(null, List.of("import", "api_image_import", "location_import"))))
                        .add("status", string("The current status of this task")
                                .add("enum", strings(null, List.of("pending", "processing", "success", "failure"))))
                        .add("input", Jsons.PROVIDER.createObjectBuilder().add("type", Jsons.PROVIDER.createArrayBuilder().add("null")
                                .add("object")).add("description", "The parameters required by task, JSON blob"))
                        .add("result", Jsons.PROVIDER.createObjectBuilder().add("type", Jsons.PROVIDER.createArrayBuilder().add("null")
                                .add("object")).add("description", "The result of current task, JSON blob"))
                        .add("owner", string("An identifier for the owner of this task"))
                        .add("message", string("Human-readable informative message only included when"
                                + " appropriate (usually on failure)"))
                        .add("image_id", string("Image associated with the task"))
                        .add("request_id", string("Human-readable informative request-id"))
                        .add("user_id", string("User associated with the task"))
                        .add("expires_at", Jsons.PROVIDER.createObjectBuilder().add("type", Jsons.PROVIDER.createArrayBuilder()
                                .add("null").add("string")).add("description", "Datetime when this resource would be"
                                + " subject to removal"))
                        .add("created_at", string("Datetime when this resource was created"))
                        .add("updated_at", string("Datetime when this resource was updated"))
                        .add("self", Jsons.PROVIDER.createObjectBuilder().add("readOnly", true).add("type", "string"))
                        .add("schema", Jsons.PROVIDER.createObjectBuilder().add("readOnly", true).add("type", "string")))
                .add("links", Jsons.PROVIDER.createArrayBuilder().add(link("self", "{self}"))
                        .add(link("describedby", "{schema}")))
                .build();
    }

    private static JsonObjectBuilder string(String description) {
        return Jsons.PROVIDER.createObjectBuilder().add("type", "string").add("description", description);
    }
}
