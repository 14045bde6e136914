package org.glancejee.notifications;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.glancejee.metadefs.MetadefNamespace;
import org.glancejee.metadefs.ObjectDefinition;
import org.glancejee.metadefs.PropertyDefinition;

import java.time.Instant;
import java.util.List;

/**
 * The metadefs notifications' payloads, as Glance's format_metadef_*_notification make them: a namespace's
 * fields; a property's schema keywords (null where not given); an object's properties as a list; a tag's or
 * resource type association's name; with {@code *_old} names for renames and {@code deleted_at} for removals.
 */
public final class MetadefPayloads {
    private static final List<String> SCHEMA_KEYWORDS = List.of("type", "title", "description", "default", "minimum",
            "maximum", "enum", "pattern", "minLength", "maxLength", "confidential", "items", "uniqueItems",
            "minItems", "maxItems", "additionalItems");

    private MetadefPayloads() {
    }

    public static JsonObject namespace(MetadefNamespace ns, String oldName) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("namespace", ns.namespace()).add("namespace_old", oldName);
        NotificationPayloads.text(json, "display_name", ns.displayName());
        json.add("protected", ns.isProtected());
        NotificationPayloads.text(json, "visibility", ns.visibility());
        NotificationPayloads.text(json, "owner", ns.owner());
        NotificationPayloads.text(json, "description", ns.description());
        return alive(json, ns.createdAt(), ns.updatedAt());
    }

    public static JsonObject property(String namespace, PropertyDefinition property, String oldName) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("namespace", namespace).add("name", property.name())
                .add("name_old", oldName);
        return schemaKeywords(json, property).add("deleted", false).addNull("deleted_at").build();
    }

    public static JsonObject object(String namespace, ObjectDefinition object, String oldName, Instant createdAt,
                                    Instant updatedAt) {
        JsonArrayBuilder properties = Json.createArrayBuilder();
        if (object.properties() != null) {
            object.properties().forEach((name, property) ->
                    properties.add(schemaKeywords(Json.createObjectBuilder().add("name", name), property)));
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("namespace", namespace).add("name", object.name())
                .add("name_old", oldName).add("properties", properties)
                .add("required", Json.createArrayBuilder(object.required() == null ? List.of() : object.required()));
        NotificationPayloads.text(json, "description", object.description());
        return alive(json, createdAt, updatedAt);
    }

    /** A tag. */
    public static JsonObject named(String namespace, String name, String oldName, Instant createdAt, Instant updatedAt) {
        return alive(Json.createObjectBuilder().add("namespace", namespace).add("name", name).add("name_old", oldName),
                createdAt, updatedAt);
    }

    public static JsonObject association(String namespace, String resourceType, String prefix, String propertiesTarget,
                                         Instant createdAt, Instant updatedAt) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("namespace", namespace).add("name", resourceType)
                .add("name_old", resourceType);
        NotificationPayloads.text(json, "prefix", prefix);
        NotificationPayloads.text(json, "properties_target", propertiesTarget);
        return alive(json, createdAt, updatedAt);
    }

    /** The same payload, deleted now. */
    public static JsonObject deleted(JsonObject payload, Instant now) {
        return Json.createObjectBuilder(payload).add("deleted", true).add("deleted_at", NotificationPayloads.time(now))
                .build();
    }

    private static JsonObject alive(JsonObjectBuilder json, Instant createdAt, Instant updatedAt) {
        return json.add("created_at", timeOrNull(createdAt)).add("updated_at", timeOrNull(updatedAt))
                .add("deleted", false).addNull("deleted_at").build();
    }

    /** Glance's property schema keywords, null where the definition does not give them. */
    private static JsonObjectBuilder schemaKeywords(JsonObjectBuilder json, PropertyDefinition property) {
        JsonObject schema = property.toJson();
        SCHEMA_KEYWORDS.forEach(key -> json.add(key, schema.getOrDefault(key, JsonValue.NULL)));
        return json;
    }

    private static JsonValue timeOrNull(Instant instant) {
        return instant == null ? JsonValue.NULL : Json.createValue(NotificationPayloads.time(instant));
    }
}
