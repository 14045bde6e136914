package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.metadefs.MetadefObject;
import org.glancejee.metadefs.MetadefObjectService;
import org.glancejee.metadefs.ObjectDefinition;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageJson;
import org.glancejee.web.json.JsonBodies;
import org.glancejee.web.json.Jsons;

import java.util.List;

/** A namespace's objects ({@code /v2/metadefs/namespaces/{namespace}/objects}). */
@Path("v2/metadefs/namespaces/{namespace}/objects")
@RequestScoped
public class MetadefObjectsResource {

    @Inject
    MetadefObjectService objects;

    @Context
    HttpServletRequest request;

    @PathParam("namespace")
    String namespace;

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("marker") String marker,
                         @QueryParam("sort_key") String sortKey, @QueryParam("sort_dir") String sortDir) {
        List<MetadefObject> page = objects.list(Caller.of(request), namespace,
                new MetadefObjectService.ObjectQuery(Links.limitParam(limit), marker, sortKey, sortDir));
        JsonArrayBuilder items = Jsons.PROVIDER.createArrayBuilder();
        page.forEach(o -> items.add(view(namespace, o, "")));
        // Glance's listing names its schema without the leading slash.
        return json(Response.ok(), Jsons.PROVIDER.createObjectBuilder().add("objects", items)
                .add("schema", "v2/schemas/metadefs/objects").build());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        ObjectDefinition given = definition(body);
        MetadefObject created = objects.add(Caller.of(request), namespace, given);
        return json(Response.status(Response.Status.CREATED), echo(namespace, created, given));
    }

    @DELETE
    public Response deleteAll() {
        objects.removeAll(Caller.of(request), namespace);
        return Response.noContent().build();
    }

    @GET
    @Path("{name}")
    public Response show(@PathParam("name") String name) {
        return json(Response.ok(), view(namespace, objects.show(Caller.of(request), namespace, name), ""));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("name") String name, String body) {
        ObjectDefinition given = definition(body);
        return json(Response.ok(), echo(namespace, objects.replace(Caller.of(request), namespace, name, given), given));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        objects.remove(Caller.of(request), namespace, name);
        return Response.noContent().build();
    }

    /** An object as shown and listed: every field, its property names (and required ones) prefixed if asked. */
    static JsonObject view(String namespace, MetadefObject object, String prefix) {
        return withLinks(object.definition().toJson(prefix), namespace, object);
    }

    /** As Glance answers a create or update: the fields the body gave, and the object's times and links. */
    private static JsonObject echo(String namespace, MetadefObject object, ObjectDefinition given) {
        return withLinks(given.toJson(""), namespace, object);
    }

    private static JsonObject withLinks(jakarta.json.JsonObjectBuilder json, String namespace, MetadefObject object) {
        return json.add("created_at", ImageJson.timestamp(object.createdAt()))
                .add("updated_at", ImageJson.timestamp(object.updatedAt()))
                .add("self", "/v2/metadefs/namespaces/" + namespace + "/objects/" + object.name())
                .add("schema", "/v2/schemas/metadefs/object").build();
    }

    private static ObjectDefinition definition(String body) {
        JsonValue value = JsonBodies.parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("Provided object does not match schema 'object': not an object");
        }
        JsonObject object = value.asJsonObject();
        for (String key : new String[] {"self", "schema", "created_at", "updated_at"}) {
            if (object.containsKey(key)) {
                throw new ForbiddenException("Attribute '" + key + "' is read-only.");
            }
        }
        return ObjectDefinition.parse(object);
    }

    private static Response json(Response.ResponseBuilder response, JsonObject body) {
        return response.entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
