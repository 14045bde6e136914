package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.RequestContext;
import org.glancejee.metadefs.MetadefNamespace;
import org.glancejee.metadefs.MetadefObject;
import org.glancejee.metadefs.MetadefObjectService;
import org.glancejee.metadefs.MetadefResourceTypeService;
import org.glancejee.metadefs.ObjectDefinition;
import org.glancejee.metadefs.ResourceTypeAssociation;
import org.glancejee.metadefs.MetadefProperty;
import org.glancejee.metadefs.PropertyDefinition;
import org.glancejee.metadefs.MetadefService;
import org.glancejee.metadefs.MetadefTag;
import org.glancejee.metadefs.MetadefTagService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageJson;
import org.glancejee.web.json.JsonBodies;
import org.glancejee.web.json.Jsons;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Metadata definitions namespaces ({@code /v2/metadefs/namespaces}). */
@Path("v2/metadefs/namespaces")
@RequestScoped
public class MetadefNamespacesResource {
    private static final String BASE = "/v2/metadefs/namespaces";
    private static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "self", "schema");
    private static final Set<String> FIELDS = Set.of("namespace", "display_name", "description", "visibility",
            "protected", "owner");
    private static final Set<String> CONTENTS = Set.of("properties", "objects", "tags", "resource_type_associations");

    @Inject
    MetadefService metadefs;

    @Inject
    MetadefTagService tagService;

    @Inject
    MetadefObjectService objectService;

    @Inject
    MetadefResourceTypeService resourceTypes;

    @Inject
    ApiSettings settings;

    @Context
    HttpServletRequest request;

    @GET
    public Response list(@Context UriInfo uri) {
        List<Map.Entry<String, String>> params = Links.queryParameters(uri);
        Map<String, String> last = new java.util.HashMap<>();
        params.forEach(p -> last.put(p.getKey(), p.getValue()));
        Integer limit = Links.limitParam(last.get("limit"));
        List<String> types = last.containsKey("resource_types")
                ? List.of(last.get("resource_types").split(",")) : null;
        RequestContext caller = Caller.of(request);
        MetadefService.NamespacePage page = metadefs.list(caller, new MetadefService.NamespaceQuery(
                limit, last.get("marker"), last.get("sort_key"), last.get("sort_dir"), last.get("visibility"), types));
        JsonArrayBuilder namespaces = Jsons.PROVIDER.createArrayBuilder();
        page.namespaces().forEach(n -> namespaces.add(withAssociations(view(n), resourceTypes.shownWith(caller, n))));
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder().add("namespaces", namespaces);
        page.next().ifPresent(marker -> {
            List<Map.Entry<String, String>> next = new java.util.ArrayList<>(params);
            next.removeIf(p -> p.getKey().equals("marker"));
            next.add(Map.entry("marker", marker));
            body.add("next", Links.withQuery(BASE, next));
        });
        body.add("schema", "/v2/schemas/metadefs/namespaces").add("first", Links.withQuery(BASE, params, "marker"));
        return json(Response.ok(), body.build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body, @Context UriInfo uri) {
        Map<String, Object> fields = JsonBodies.object(body);
        MetadefService.Contents contents = contents(JsonBodies.parse(body).asJsonObject());
        MetadefNamespace created = metadefs.create(Caller.of(request), draft(fields), contents);
        // As Glance answers a create: the namespace, and its contents as given.
        JsonObjectBuilder view = Jsons.PROVIDER.createObjectBuilder(view(created));
        if (!contents.associations().isEmpty()) {
            JsonArrayBuilder associations = Jsons.PROVIDER.createArrayBuilder();
            contents.associations().forEach(a -> {
                JsonObjectBuilder association = Jsons.PROVIDER.createObjectBuilder().add("name", a.name());
                if (a.prefix() != null) {
                    association.add("prefix", a.prefix());
                }
                if (a.propertiesTarget() != null) {
                    association.add("properties_target", a.propertiesTarget());
                }
                associations.add(association);
            });
            view.add("resource_type_associations", associations);
        }
        if (!contents.objects().isEmpty()) {
            JsonArrayBuilder objects = Jsons.PROVIDER.createArrayBuilder();
            contents.objects().forEach(o -> objects.add(o.toJson("")));
            view.add("objects", objects);
        }
        if (!contents.properties().isEmpty()) {
            Map<String, PropertyDefinition> byName = new java.util.LinkedHashMap<>();
            contents.properties().forEach(p -> byName.put(p.name(), p));
            view.add("properties", ObjectDefinition.propertiesJson(byName, ""));
        }
        if (!contents.tags().isEmpty()) {
            JsonArrayBuilder tags = Jsons.PROVIDER.createArrayBuilder();
            contents.tags().forEach(t -> tags.add(Jsons.PROVIDER.createObjectBuilder().add("name", t)));
            view.add("tags", tags);
        }
        return json(Response.status(Response.Status.CREATED).location(URI.create(Links.absolute(uri,
                settings.publicEndpoint(), BASE + "/" + created.namespace()))), view.build());
    }

    /**
     * A namespace with everything it holds; with {@code resource_type}, property names (also those of its
     * objects) carry the prefix of the namespace's association with that resource type.
     */
    @GET
    @Path("{namespace}")
    public Response show(@PathParam("namespace") String namespace, @QueryParam("resource_type") String resourceType) {
        RequestContext caller = Caller.of(request);
        MetadefNamespace shown = metadefs.show(caller, namespace);
        List<MetadefResourceTypeService.Association> associations = resourceTypes.shownWith(caller, shown);
        String prefix = resourceType == null ? "" : associations.stream()
                .filter(a -> a.name().equals(resourceType) && a.prefix() != null).findFirst()
                .map(MetadefResourceTypeService.Association::prefix).orElse("");
        JsonObjectBuilder view = Jsons.PROVIDER.createObjectBuilder(withAssociations(view(shown), associations));
        List<MetadefObject> objects = objectService.shownWith(caller, shown);
        if (!objects.isEmpty()) {
            JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
            objects.forEach(o -> array.add(MetadefObjectsResource.view(shown.namespace(), o, prefix)));
            view.add("objects", array);
        }
        List<MetadefProperty> properties = metadefs.propertiesShownWith(caller, shown);
        if (!properties.isEmpty()) {
            view.add("properties", MetadefPropertiesResource.byName(properties, prefix));
        }
        List<MetadefTag> tags = tagService.shownWith(caller, shown);
        if (!tags.isEmpty()) {
            view.add("tags", MetadefTagsResource.names(tags));
        }
        return json(Response.ok(), view.build());
    }

    @PUT
    @Path("{namespace}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("namespace") String namespace, String body) {
        Map<String, Object> fields = JsonBodies.object(body);
        // Checked, then left alone: a PUT changes the namespace's own fields only, as in Glance (glanceclient's
        // md-namespace-update sends back the whole namespace it read, contents included).
        contents(JsonBodies.parse(body).asJsonObject());
        return json(Response.ok(), view(metadefs.update(Caller.of(request), namespace, draft(fields))));
    }

    @DELETE
    @Path("{namespace}")
    public Response delete(@PathParam("namespace") String namespace) {
        metadefs.delete(Caller.of(request), namespace);
        return Response.noContent().build();
    }

    /** What a namespace body defines besides the namespace, each part checked as its schema checks it. */
    private static MetadefService.Contents contents(JsonObject body) {
        return new MetadefService.Contents(embeddedProperties(body), embeddedObjects(body), embeddedTags(body),
                embeddedAssociations(body));
    }

    private static List<ObjectDefinition> embeddedObjects(JsonObject body) {
        List<ObjectDefinition> objects = new java.util.ArrayList<>();
        for (JsonValue item : array(body, "objects")) {
            if (!(item instanceof JsonObject object)) {
                throw new InvalidInputException("Provided object does not match schema 'namespace': " + item
                        + " is not of type 'object' (objects)");
            }
            // What a namespace show adds to an object; a namespace PUT sends it back.
            JsonObjectBuilder fields = Jsons.PROVIDER.createObjectBuilder(object);
            List.of("created_at", "updated_at", "self", "schema").forEach(fields::remove);
            objects.add(ObjectDefinition.parse(fields.build()));
        }
        return objects;
    }

    private static List<ResourceTypeAssociation.Draft> embeddedAssociations(JsonObject body) {
        List<ResourceTypeAssociation.Draft> associations = new java.util.ArrayList<>();
        for (JsonValue item : array(body, "resource_type_associations")) {
            if (!(item instanceof JsonObject object)) {
                throw new InvalidInputException("Provided object does not match schema 'namespace': " + item
                        + " is not of type 'object' (resource_type_associations)");
            }
            // The namespace schema lets an association carry its times; a namespace PUT sends them back.
            JsonObjectBuilder fields = Jsons.PROVIDER.createObjectBuilder(object);
            fields.remove("created_at");
            fields.remove("updated_at");
            associations.add(MetadefAssociationsResource.draft(fields.build()));
        }
        return associations;
    }

    private static List<JsonValue> array(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("Provided object does not match schema 'namespace': '" + key
                    + "' is not of type 'array'");
        }
        return value.asJsonArray();
    }

    private static JsonObject withAssociations(JsonObject namespace,
                                               List<MetadefResourceTypeService.Association> associations) {
        if (associations.isEmpty()) {
            return namespace;
        }
        return Jsons.PROVIDER.createObjectBuilder(namespace)
                .add("resource_type_associations", MetadefAssociationsResource.views(associations)).build();
    }

    /** The {@code properties} a namespace body defines, each checked as the property schema checks it. */
    private static List<PropertyDefinition> embeddedProperties(JsonObject body) {
        if (!(body.get("properties") instanceof JsonObject properties)) {
            if (body.containsKey("properties") && body.get("properties").getValueType() != JsonValue.ValueType.NULL) {
                throw new InvalidInputException("Provided object does not match schema 'namespace': 'properties'"
                        + " is not of type 'object'");
            }
            return List.of();
        }
        List<PropertyDefinition> definitions = new java.util.ArrayList<>();
        properties.forEach((name, definition) -> {
            if (!(definition instanceof JsonObject object)) {
                throw new InvalidInputException("Provided object does not match schema 'namespace': property '"
                        + name + "' is not an object");
            }
            definitions.add(PropertyDefinition.parse(object, name, false));
        });
        return definitions;
    }

    /** The tag names a namespace body lists ({@code "tags": [{"name": ...}]}). */
    private static List<String> embeddedTags(JsonObject body) {
        if (!body.containsKey("tags") || body.get("tags").getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        return MetadefTagsResource.tagNames(body.get("tags"), "namespace");
    }

    /** A namespace body checked as Glance's namespace schema checks it. */
    private static MetadefNamespace.Draft draft(Map<String, Object> fields) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            if (READ_ONLY.contains(key)) {
                throw new ForbiddenException("Attribute '" + key + "' is read-only.");
            }
            if (!FIELDS.contains(key) && !CONTENTS.contains(key)) {
                throw new InvalidInputException("Provided object does not match schema 'namespace': Additional"
                        + " properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        return new MetadefNamespace.Draft(text(fields, "namespace", 80), text(fields, "display_name", 80),
                text(fields, "description", 500), text(fields, "visibility", 32), bool(fields, "protected"),
                text(fields, "owner", 255));
    }

    private static String text(Map<String, Object> fields, String key, int maxLength) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidInputException("Provided object does not match schema 'namespace': " + value
                    + " is not of type 'string' (" + key + ")");
        }
        if (s.length() > maxLength) {
            throw new InvalidInputException("Provided object does not match schema 'namespace': '" + key
                    + "' is too long (at most " + maxLength + " characters)");
        }
        return s;
    }

    private static Boolean bool(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw new InvalidInputException("Provided object does not match schema 'namespace': " + value
                    + " is not of type 'boolean' (" + key + ")");
        }
        return (Boolean) value;
    }

    /** A namespace as Glance shows it: fields without a value are left out. */
    static JsonObject view(MetadefNamespace n) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder().add("namespace", n.namespace());
        if (n.displayName() != null) {
            json.add("display_name", n.displayName());
        }
        if (n.description() != null) {
            json.add("description", n.description());
        }
        json.add("visibility", n.visibility()).add("protected", n.isProtected());
        if (n.owner() != null) {
            json.add("owner", n.owner());
        }
        return json.add("created_at", ImageJson.timestamp(n.createdAt()))
                .add("updated_at", ImageJson.timestamp(n.updatedAt()))
                .add("self", BASE + "/" + n.namespace())
                .add("schema", "/v2/schemas/metadefs/namespace").build();
    }

    private static Response json(Response.ResponseBuilder response, JsonObject body) {
        return response.entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
