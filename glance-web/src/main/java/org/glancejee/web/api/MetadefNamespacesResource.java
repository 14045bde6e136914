package org.glancejee.web.api;

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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.RequestContext;
import org.glancejee.metadefs.MetadefNamespace;
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
    private static final Set<String> NOT_YET = Set.of("objects", "resource_type_associations");
    private static final Set<String> FIELDS = Set.of("namespace", "display_name", "description", "visibility",
            "protected", "owner");

    @Inject
    MetadefService metadefs;

    @Inject
    MetadefTagService tagService;

    @Inject
    ApiSettings settings;

    @Context
    ContainerRequestContext request;

    @GET
    public Response list(@Context UriInfo uri) {
        List<Map.Entry<String, String>> params = Links.queryParameters(uri);
        Map<String, String> last = new java.util.HashMap<>();
        params.forEach(p -> last.put(p.getKey(), p.getValue()));
        Integer limit = null;
        if (last.containsKey("limit")) {
            try {
                limit = Integer.parseInt(last.get("limit"));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("limit param must be an integer");
            }
        }
        MetadefService.NamespacePage page = metadefs.list(Caller.of(request), new MetadefService.NamespaceQuery(
                limit, last.get("marker"), last.get("sort_key"), last.get("sort_dir"), last.get("visibility")));
        JsonArrayBuilder namespaces = Jsons.PROVIDER.createArrayBuilder();
        page.namespaces().forEach(n -> namespaces.add(view(n)));
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
        JsonObject json = JsonBodies.parse(body).asJsonObject();
        List<PropertyDefinition> properties = embeddedProperties(json);
        List<String> tagNames = embeddedTags(json);
        MetadefNamespace created = metadefs.create(Caller.of(request), draft(fields, true), properties, tagNames);
        JsonObjectBuilder view = Jsons.PROVIDER.createObjectBuilder(view(created));
        if (!properties.isEmpty()) {
            // As Glance answers a create: the definitions as given, without their names inside.
            JsonObjectBuilder given = Jsons.PROVIDER.createObjectBuilder();
            properties.forEach(p -> {
                JsonObjectBuilder definition = Jsons.PROVIDER.createObjectBuilder(p.toJson());
                given.add(p.name(), definition.remove("name"));
            });
            view.add("properties", given);
        }
        if (!tagNames.isEmpty()) {
            JsonArrayBuilder tags = Jsons.PROVIDER.createArrayBuilder();
            tagNames.forEach(t -> tags.add(Jsons.PROVIDER.createObjectBuilder().add("name", t)));
            view.add("tags", tags);
        }
        return json(Response.status(Response.Status.CREATED).location(URI.create(Links.absolute(uri,
                settings.publicEndpoint(), BASE + "/" + created.namespace()))), view.build());
    }

    @GET
    @Path("{namespace}")
    public Response show(@PathParam("namespace") String namespace) {
        RequestContext caller = Caller.of(request);
        MetadefNamespace shown = metadefs.show(caller, namespace);
        JsonObjectBuilder view = Jsons.PROVIDER.createObjectBuilder(view(shown));
        List<MetadefProperty> properties = metadefs.propertiesShownWith(caller, shown);
        if (!properties.isEmpty()) {
            view.add("properties", MetadefPropertiesResource.byName(properties));
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
        JsonObject json = JsonBodies.parse(body).asJsonObject();
        embeddedProperties(json);
        embeddedTags(json);
        return json(Response.ok(), view(metadefs.update(Caller.of(request), namespace, draft(fields, false))));
    }

    @DELETE
    @Path("{namespace}")
    public Response delete(@PathParam("namespace") String namespace) {
        metadefs.delete(Caller.of(request), namespace);
        return Response.noContent().build();
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
    private static MetadefNamespace.Draft draft(Map<String, Object> fields, boolean create) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            if (READ_ONLY.contains(key)) {
                throw new ForbiddenException("Attribute '" + key + "' is read-only.");
            }
            if (key.equals("properties") || key.equals("tags")) {
                continue;
            }
            if (NOT_YET.contains(key)) {
                if (create && !isEmpty(field.getValue())) {
                    throw new InvalidInputException("Couldn't create metadata namespace: '" + key
                            + "' in a namespace body is not supported by this server yet");
                }
            } else if (!FIELDS.contains(key)) {
                throw new InvalidInputException("Provided object does not match schema 'namespace': Additional"
                        + " properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        return new MetadefNamespace.Draft(text(fields, "namespace", 80), text(fields, "display_name", 80),
                text(fields, "description", 500), text(fields, "visibility", 32), bool(fields, "protected"),
                text(fields, "owner", 255));
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof Map<?, ?> m && m.isEmpty())
                || (value instanceof List<?> l && l.isEmpty());
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
