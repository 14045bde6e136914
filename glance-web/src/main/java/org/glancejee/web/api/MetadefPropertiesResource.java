package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.glancejee.domain.InvalidInputException;
import org.glancejee.metadefs.MetadefProperty;
import org.glancejee.metadefs.MetadefService;
import org.glancejee.metadefs.PropertyDefinition;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.JsonBodies;
import org.glancejee.web.json.Jsons;

import java.util.List;

/** A namespace's property definitions ({@code /v2/metadefs/namespaces/{namespace}/properties}). */
@Path("v2/metadefs/namespaces/{namespace}/properties")
@RequestScoped
public class MetadefPropertiesResource {

    @Inject
    MetadefService metadefs;

    @Context
    HttpServletRequest request;

    @PathParam("namespace")
    String namespace;

    @GET
    public Response list() {
        return json(Response.ok(), Jsons.PROVIDER.createObjectBuilder()
                .add("properties", byName(metadefs.properties(Caller.of(request), namespace))).build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        MetadefProperty created = metadefs.addProperty(Caller.of(request), namespace, definition(body));
        return json(Response.status(Response.Status.CREATED), created.definition().toJson());
    }

    @DELETE
    public Response deleteAll() {
        metadefs.removeProperties(Caller.of(request), namespace);
        return Response.noContent().build();
    }

    @GET
    @Path("{name}")
    public Response show(@PathParam("name") String name, @QueryParam("resource_type") String resourceType) {
        return json(Response.ok(), metadefs.property(Caller.of(request), namespace, name, resourceType)
                .definition().toJson());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("name") String name, String body) {
        return json(Response.ok(), metadefs.replaceProperty(Caller.of(request), namespace, name, definition(body))
                .definition().toJson());
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        metadefs.removeProperty(Caller.of(request), namespace, name);
        return Response.noContent().build();
    }

    /** Properties as a namespace and the listing show them: an object by name. */
    static JsonObject byName(List<MetadefProperty> properties) {
        return byName(properties, "");
    }

    /** The same, each name with a resource type's prefix, as a namespace shown for that resource type. */
    static JsonObject byName(List<MetadefProperty> properties, String prefix) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        properties.forEach(p -> json.add(prefix + p.name(), p.definition().asListed()));
        return json.build();
    }

    private static PropertyDefinition definition(String body) {
        JsonValue value = JsonBodies.parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("Provided object does not match schema 'property': not an object");
        }
        JsonObject object = value.asJsonObject();
        for (String key : new String[] {"created_at", "updated_at", "self", "schema"}) {
            if (object.containsKey(key)) {
                throw new org.glancejee.domain.ForbiddenException("Attribute '" + key + "' is read-only.");
            }
        }
        return PropertyDefinition.parse(object, null, true);
    }

    private static Response json(Response.ResponseBuilder response, JsonObject body) {
        return response.entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
