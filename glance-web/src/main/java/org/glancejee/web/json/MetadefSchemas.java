package org.glancejee.web.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * The metadefs' JSON-Schema documents ({@code /v2/schemas/metadefs/*}), the same as Glance's: glanceclient
 * builds its md-* models from them.
 */
public final class MetadefSchemas {
    private MetadefSchemas() {
    }

    public static Optional<JsonObject> named(String name) {
        return Optional.ofNullable(switch (name) {
            case "namespace" -> namespace(true);
            case "namespaces" -> paged("namespaces", namespace(false), namespaceDefinitions());
            case "property" -> property(true);
            case "properties" -> object().add("name", "properties").add("properties", object()
                            .add("properties", object().add("type", "object").add("additionalProperties", property(false)))
                            .add("first", type("string")).add("next", type("string")).add("schema", type("string")))
                    .add("links", links()).add("definitions", propertyDefinitions()).build();
            case "object" -> metadefObject(true);
            case "objects" -> paged("objects", metadefObject(false), namespaceDefinitions());
            case "resource_type" -> resourceTypeAssociation();
            case "resource_types" -> paged("resource_type_associations", resourceTypeAssociation(), null);
            case "tag" -> tag();
            case "tags" -> object().add("name", "tags").add("properties", object().add("tags", array(tag()))
                            .add("first", type("string")).add("next", type("string")).add("schema", type("string")))
                    .add("links", links()).build();
            default -> null;
        });
    }

    /** A namespace; a listing's items carry no definitions of their own but must name the namespace. */
    private static JsonObject namespace(boolean whole) {
        JsonObjectBuilder properties = object()
                .add("namespace", text("The unique namespace text.", 80))
                .add("display_name", text("The user friendly name for the namespace. Used by UI if available.", 80))
                .add("description", text("Provides a user friendly description of the namespace.", 500))
                .add("visibility", object().add("type", "string").add("description", "Scope of namespace accessibility.")
                        .add("enum", strings("public", "private")))
                .add("protected", object().add("type", "boolean")
                        .add("description", "If true, namespace will not be deletable."))
                .add("owner", text("Owner of the namespace.", 255))
                .add("created_at", timestamp("Date and time of namespace creation"))
                .add("updated_at", timestamp("Date and time of the last namespace modification"))
                .add("schema", readOnlyString())
                .add("self", readOnlyString())
                .add("resource_type_associations", array(object().add("type", "object").add("properties", object()
                        .add("name", type("string")).add("prefix", type("string"))
                        .add("properties_target", type("string"))).build()))
                .add("properties", ref("property"))
                .add("objects", array(object().add("type", "object").add("properties", object()
                        .add("name", type("string")).add("description", type("string"))
                        .add("required", ref("stringArray")).add("properties", ref("property"))).build()))
                .add("tags", array(object().add("type", "object")
                        .add("properties", object().add("name", type("string"))).build()));
        JsonObjectBuilder schema = object().add("name", "namespace").add("properties", properties)
                .add("additionalProperties", false);
        if (whole) {
            schema.add("definitions", namespaceDefinitions());
        }
        return schema.add("required", strings("namespace")).build();
    }

    /** A property definition: with its name on its own endpoints, without it inside a map of them. */
    private static JsonObject property(boolean whole) {
        JsonObjectBuilder schema = object().add("name", "property").add("properties", propertyKeywords())
                .add("additionalProperties", false);
        if (whole) {
            schema.add("definitions", propertyDefinitions()).add("required", strings("type", "title", "name"));
        } else {
            schema.add("required", strings("type", "title"));
        }
        return schema.build();
    }

    private static JsonObjectBuilder propertyKeywords() {
        JsonArrayBuilder types = strings("array", "boolean", "integer", "number", "object", "string").add(JsonValue.NULL);
        return object()
                .add("name", object().add("type", "string").add("maxLength", 80))
                .add("title", type("string"))
                .add("description", type("string"))
                .add("operators", object().add("type", "array").add("items", type("string")))
                .add("type", object().add("type", "string").add("enum", types))
                .add("required", ref("stringArray"))
                .add("minimum", type("number"))
                .add("maximum", type("number"))
                .add("maxLength", ref("positiveInteger"))
                .add("minLength", ref("positiveIntegerDefault0"))
                .add("pattern", object().add("type", "string").add("format", "regex"))
                .add("enum", type("array"))
                .add("readonly", type("boolean"))
                .add("default", object())
                .add("items", object().add("type", "object").add("properties", object()
                        .add("type", object().add("type", "string").add("enum", strings("array", "boolean",
                                "integer", "number", "object", "string").add(JsonValue.NULL)))
                        .add("enum", type("array"))))
                .add("maxItems", ref("positiveInteger"))
                .add("minItems", ref("positiveIntegerDefault0"))
                .add("uniqueItems", object().add("type", "boolean").add("default", false))
                .add("additionalItems", type("boolean"));
    }

    private static JsonObject namespaceDefinitions() {
        return baseDefinitions(false).add("property", object().add("type", "object").add("additionalProperties",
                object().add("type", "object").add("required", strings("title", "type"))
                        .add("properties", propertyKeywords()))).build();
    }

    private static JsonObject propertyDefinitions() {
        return baseDefinitions(true).build();
    }

    private static JsonObjectBuilder baseDefinitions(boolean nonEmptyArrays) {
        JsonObjectBuilder stringArray = object().add("type", "array").add("items", type("string"));
        if (nonEmptyArrays) {
            stringArray.add("minItems", 1);
        }
        return object()
                .add("positiveInteger", object().add("type", "integer").add("minimum", 0))
                .add("positiveIntegerDefault0", object().add("allOf", Jsons.PROVIDER.createArrayBuilder()
                        .add(ref("positiveInteger")).add(object().add("default", 0))))
                .add("stringArray", stringArray.add("uniqueItems", true));
    }

    /** An object (a named group of property definitions); a listing's items carry no definitions. */
    private static JsonObject metadefObject(boolean whole) {
        JsonObjectBuilder schema = object().add("name", "object").add("properties", object()
                        .add("name", object().add("type", "string").add("maxLength", 80))
                        .add("description", type("string"))
                        .add("required", ref("stringArray"))
                        .add("properties", ref("property"))
                        .add("schema", readOnlyString())
                        .add("self", readOnlyString())
                        .add("created_at", timestamp("Date and time of object creation"))
                        .add("updated_at", timestamp("Date and time of the last object modification")))
                .add("additionalProperties", false);
        if (whole) {
            schema.add("definitions", namespaceDefinitions());
        }
        return schema.add("required", strings("name")).build();
    }

    private static JsonObject resourceTypeAssociation() {
        return object().add("name", "resource_type_association").add("properties", object()
                        .add("name", text("Resource type names should be aligned with Heat resource types whenever"
                                + " possible: https://docs.openstack.org/heat/latest/template_guide/openstack.html", 80))
                        .add("prefix", text("Specifies the prefix to use for the given resource type. Any properties"
                                + " in the namespace should be prefixed with this prefix when being applied to the"
                                + " specified resource type. Must include prefix separator (e.g. a colon :).", 80))
                        .add("properties_target", text("Some resource types allow more than one key / value pair"
                                + " per instance.  For example, Cinder allows user and image metadata on volumes."
                                + " Only the image properties metadata is evaluated by Nova (scheduling or drivers)."
                                + " This property allows a namespace target to remove the ambiguity.", 80))
                        .add("created_at", timestamp("Date and time of resource type association"))
                        .add("updated_at", timestamp("Date and time of the last resource type association"
                                + " modification")))
                .add("additionalProperties", false).add("required", strings("name")).build();
    }

    private static JsonObject tag() {
        return object().add("name", "tag").add("properties", object()
                        .add("name", object().add("type", "string").add("maxLength", 80))
                        .add("created_at", timestamp("Date and time of tag creation"))
                        .add("updated_at", timestamp("Date and time of the last tag modification")))
                .add("additionalProperties", false).add("required", strings("name")).build();
    }

    private static JsonArrayBuilder links() {
        return Jsons.PROVIDER.createArrayBuilder()
                .add(object().add("rel", "first").add("href", "{first}"))
                .add(object().add("rel", "next").add("href", "{next}"))
                .add(object().add("rel", "describedby").add("href", "{schema}"));
    }

    private static JsonObject paged(String name, JsonObject items, JsonObject definitions) {
        JsonObjectBuilder schema = object().add("name", name).add("properties", object().add(name, array(items))
                        .add("first", type("string")).add("next", type("string")).add("schema", type("string")))
                .add("links", links());
        return (definitions == null ? schema : schema.add("definitions", definitions)).build();
    }

    private static JsonObject array(JsonObject items) {
        return object().add("type", "array").add("items", items).build();
    }

    private static JsonObjectBuilder object() {
        return Jsons.PROVIDER.createObjectBuilder();
    }

    private static JsonObjectBuilder type(String type) {
        return object().add("type", type);
    }

    private static JsonObjectBuilder ref(String definition) {
        return object().add("$ref", "#/definitions/" + definition);
    }

    private static JsonObjectBuilder text(String description, int maxLength) {
        return object().add("type", "string").add("description", description).add("maxLength", maxLength);
    }

    private static JsonObjectBuilder timestamp(String description) {
        return object().add("type", "string").add("readOnly", true).add("description", description)
                .add("format", "date-time");
    }

    private static JsonObjectBuilder readOnlyString() {
        return object().add("readOnly", true).add("type", "string");
    }

    private static JsonArrayBuilder strings(String... values) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
