package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.metadefs.MetadefResourceTypeService;
import org.glancejee.metadefs.ResourceTypeAssociation;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageJson;
import org.glancejee.web.json.JsonBodies;
import org.glancejee.web.json.Jsons;

import java.util.List;
import java.util.Set;

/**
 * A namespace's resource type associations ({@code /v2/metadefs/namespaces/{namespace}/resource_types}): which
 * resources its definitions apply to, with which prefix.
 */
@Path("v2/metadefs/namespaces/{namespace}/resource_types")
@RequestScoped
public class MetadefAssociationsResource {
    private static final Set<String> FIELDS = Set.of("name", "prefix", "properties_target");

    @Inject
    MetadefResourceTypeService resourceTypes;

    @Context
    HttpServletRequest request;

    @GET
    public Response list(@PathParam("namespace") String namespace) {
        return json(Response.ok(), Jsons.PROVIDER.createObjectBuilder().add("resource_type_associations",
                views(resourceTypes.associations(Caller.of(request), namespace))).build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response associate(@PathParam("namespace") String namespace, String body) {
        JsonValue value = JsonBodies.parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("not an object");
        }
        for (String key : new String[] {"created_at", "updated_at"}) {
            if (value.asJsonObject().containsKey(key)) {
                throw new ForbiddenException("Attribute '" + key + "' is read-only.");
            }
        }
        return json(Response.status(Response.Status.CREATED),
                view(resourceTypes.associate(Caller.of(request), namespace, draft(value.asJsonObject()))));
    }

    @DELETE
    @Path("{resource_type}")
    public Response dissociate(@PathParam("namespace") String namespace,
                               @PathParam("resource_type") String resourceType) {
        resourceTypes.dissociate(Caller.of(request), namespace, resourceType);
        return Response.noContent().build();
    }

    /** An association from a body, checked as Glance's resource_type_association schema checks it. */
    static ResourceTypeAssociation.Draft draft(JsonObject body) {
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw invalid("Additional properties are not allowed ('" + key + "' was unexpected)");
            }
        }
        if (!body.containsKey("name")) {
            throw invalid("'name' is a required property");
        }
        return new ResourceTypeAssociation.Draft(text(body, "name"), text(body, "prefix"),
                text(body, "properties_target"));
    }

    private static String text(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw invalid(value + " is not of type 'string' (" + key + ")");
        }
        if (text.getString().length() > 80 || (key.equals("name") && text.getString().isEmpty())) {
            throw invalid("'" + key + "' takes 1 to 80 characters");
        }
        return text.getString();
    }

    static JsonArrayBuilder views(List<MetadefResourceTypeService.Association> associations) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        associations.forEach(a -> array.add(view(a)));
        return array;
    }

    /** An association as Glance shows it: fields without a value left out. */
    static JsonObject view(MetadefResourceTypeService.Association association) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder().add("name", association.name());
        if (association.prefix() != null) {
            json.add("prefix", association.prefix());
        }
        if (association.propertiesTarget() != null) {
            json.add("properties_target", association.propertiesTarget());
        }
        return json.add("created_at", ImageJson.timestamp(association.createdAt()))
                .add("updated_at", ImageJson.timestamp(association.updatedAt())).build();
    }

    private static InvalidInputException invalid(String why) {
        return new InvalidInputException("Provided object does not match schema 'resource_type_association': " + why);
    }

    private static Response json(Response.ResponseBuilder response, JsonObject body) {
        return response.entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
