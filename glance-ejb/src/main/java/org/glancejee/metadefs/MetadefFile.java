package org.glancejee.metadefs;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.glancejee.domain.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One namespace in Glance's metadef file format (the files {@code glance-manage db load_metadefs} reads and
 * {@code export_metadefs} writes): the namespace's fields and everything it defines, checked as the API checks
 * them, so a file loads whole or not at all.
 */
public record MetadefFile(MetadefNamespace.Draft namespace, MetadefService.Contents contents) {
    /** Glance's loader gives namespaces without an owner to "admin". */
    static final String DEFAULT_OWNER = "admin";

    public static MetadefFile parse(JsonObject json) {
        String name = text(json, "namespace");
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new InvalidInputException("a namespace file needs a 'namespace' of 1 to 80 characters");
        }
        if (text(json, "display_name") != null && text(json, "display_name").length() > 80) {
            throw new InvalidInputException("'display_name' is too long (at most 80 characters)");
        }
        Object isProtected = json.get("protected");
        MetadefNamespace.Draft draft = new MetadefNamespace.Draft(name, text(json, "display_name"),
                text(json, "description"), text(json, "visibility"),
                isProtected == JsonValue.TRUE ? Boolean.TRUE : isProtected == JsonValue.FALSE ? Boolean.FALSE : null,
                text(json, "owner") == null ? DEFAULT_OWNER : text(json, "owner"));
        List<PropertyDefinition> properties = new ArrayList<>();
        if (json.get("properties") instanceof JsonObject defined) {
            defined.forEach((property, definition) -> properties.add(PropertyDefinition.parse(
                    definition.asJsonObject(), property, false)));
        }
        List<ObjectDefinition> objects = new ArrayList<>();
        for (JsonValue object : list(json, "objects")) {
            objects.add(ObjectDefinition.parse(withoutNulls(object.asJsonObject())));
        }
        List<String> tags = new ArrayList<>();
        for (JsonValue tag : list(json, "tags")) {
            tags.add(text(tag.asJsonObject(), "name"));
        }
        List<ResourceTypeAssociation.Draft> associations = new ArrayList<>();
        for (JsonValue association : list(json, "resource_type_associations")) {
            JsonObject fields = association.asJsonObject();
            associations.add(new ResourceTypeAssociation.Draft(text(fields, "name"), text(fields, "prefix"),
                    text(fields, "properties_target")));
        }
        MetadefFile file = new MetadefFile(draft, new MetadefService.Contents(properties, objects, tags, associations));
        MetadefService.requireDistinct(name, file.contents());
        return file;
    }

    /** The file for a namespace and what it holds, as Glance exports it (and with objects' required names). */
    static JsonObject toJson(MetadefNamespace ns, List<MetadefResourceTypeService.Association> associations,
                             List<MetadefProperty> properties, List<MetadefObject> objects, List<MetadefTag> tags) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("namespace", ns.namespace());
        nullable(json, "display_name", ns.displayName());
        nullable(json, "description", ns.description());
        json.add("visibility", ns.visibility()).add("protected", ns.isProtected());
        nullable(json, "owner", ns.owner());
        JsonArrayBuilder types = Json.createArrayBuilder();
        associations.forEach(a -> {
            JsonObjectBuilder type = Json.createObjectBuilder().add("name", a.name());
            nullable(type, "prefix", a.prefix());
            nullable(type, "properties_target", a.propertiesTarget());
            types.add(type);
        });
        Map<String, PropertyDefinition> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p.definition()));
        JsonArrayBuilder objectArray = Json.createArrayBuilder();
        objects.forEach(o -> objectArray.add(o.definition().toFile()));
        JsonArrayBuilder tagArray = Json.createArrayBuilder();
        tags.forEach(t -> tagArray.add(Json.createObjectBuilder().add("name", t.name())));
        return json.add("resource_type_associations", types)
                .add("properties", ObjectDefinition.givenProperties(byName))
                .add("objects", objectArray).add("tags", tagArray).build();
    }

    private static List<JsonValue> list(JsonObject json, String key) {
        return json.get(key) instanceof jakarta.json.JsonArray array ? array : List.of();
    }

    /** Glance's exports write null for what is not set. */
    private static JsonObject withoutNulls(JsonObject object) {
        JsonObjectBuilder copy = Json.createObjectBuilder();
        object.forEach((key, value) -> {
            if (value.getValueType() != JsonValue.ValueType.NULL) {
                copy.add(key, value);
            }
        });
        return copy.build();
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static void nullable(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }
}
