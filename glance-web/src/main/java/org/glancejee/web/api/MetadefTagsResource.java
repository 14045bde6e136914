package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.metadefs.MetadefTag;
import org.glancejee.metadefs.MetadefTagService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageJson;
import org.glancejee.web.json.JsonBodies;
import org.glancejee.web.json.Jsons;

import java.util.ArrayList;
import java.util.List;

/** A namespace's tags ({@code /v2/metadefs/namespaces/{namespace}/tags}). */
@Path("v2/metadefs/namespaces/{namespace}/tags")
@RequestScoped
public class MetadefTagsResource {

    @Inject
    MetadefTagService tags;

    @Context
    HttpServletRequest request;

    @PathParam("namespace")
    String namespace;

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("marker") String marker,
                         @QueryParam("sort_key") String sortKey, @QueryParam("sort_dir") String sortDir) {
        List<MetadefTag> page = tags.list(Caller.of(request), namespace,
                new MetadefTagService.TagQuery(Links.limitParam(limit), marker, sortKey, sortDir));
        return json(Response.ok(), Jsons.PROVIDER.createObjectBuilder().add("tags", names(page)).build());
    }

    /** Creates many at once: replacing the namespace's tags, or adding to them with X-Openstack-Append: true. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response createMany(String body, @HeaderParam("X-Openstack-Append") String append) {
        JsonValue value = JsonBodies.parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT || !value.asJsonObject().containsKey("tags")) {
            throw new InvalidInputException("Provided object does not match schema 'tags': 'tags' is a required"
                    + " property");
        }
        List<MetadefTag> created = tags.addAll(Caller.of(request), namespace,
                tagNames(value.asJsonObject().get("tags"), "tags"), "true".equalsIgnoreCase(append));
        return json(Response.status(Response.Status.CREATED),
                Jsons.PROVIDER.createObjectBuilder().add("tags", names(created)).build());
    }

    @DELETE
    public Response deleteAll() {
        tags.removeAll(Caller.of(request), namespace);
        return Response.noContent().build();
    }

    @POST
    @Path("{name}")
    public Response create(@PathParam("name") String name) {
        return json(Response.status(Response.Status.CREATED), view(tags.add(Caller.of(request), namespace, name)));
    }

    @GET
    @Path("{name}")
    public Response show(@PathParam("name") String name) {
        return json(Response.ok(), view(tags.show(Caller.of(request), namespace, name)));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    public Response rename(@PathParam("name") String name, String body) {
        JsonValue value = JsonBodies.parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("Provided object does not match schema 'tag': not an object");
        }
        JsonObject object = value.asJsonObject();
        for (String key : object.keySet()) {
            if (key.equals("created_at") || key.equals("updated_at")) {
                throw new org.glancejee.domain.ForbiddenException("Attribute '" + key + "' is read-only.");
            }
            if (!key.equals("name")) {
                throw new InvalidInputException("Provided object does not match schema 'tag': Additional properties"
                        + " are not allowed ('" + key + "' was unexpected)");
            }
        }
        if (!(object.get("name") instanceof JsonString newName)) {
            throw new InvalidInputException("Provided object does not match schema 'tag': 'name' is a required"
                    + " property");
        }
        return json(Response.ok(), view(tags.rename(Caller.of(request), namespace, name, newName.getString())));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        tags.remove(Caller.of(request), namespace, name);
        return Response.noContent().build();
    }

    /** Tags as listings and namespaces show them: names only. */
    static JsonArray names(List<MetadefTag> tags) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        tags.forEach(t -> array.add(Jsons.PROVIDER.createObjectBuilder().add("name", t.name())));
        return array.build();
    }

    /** The names in {@code [{"name": ...}, ...]}, as the tags and namespace schemas allow it. */
    static List<String> tagNames(JsonValue tags, String schema) {
        if (!(tags instanceof JsonArray array)) {
            throw new InvalidInputException("Provided object does not match schema '" + schema + "': 'tags' is not"
                    + " of type 'array'");
        }
        List<String> names = new ArrayList<>();
        for (JsonValue tag : array) {
            if (!(tag instanceof JsonObject object) || !(object.get("name") instanceof JsonString name)) {
                throw new InvalidInputException("Provided object does not match schema '" + schema + "': each tag is"
                        + " an object with a 'name'");
            }
            names.add(name.getString());
        }
        return names;
    }

    private static JsonObject view(MetadefTag tag) {
        return Jsons.PROVIDER.createObjectBuilder().add("name", tag.name())
                .add("created_at", ImageJson.timestamp(tag.createdAt()))
                .add("updated_at", ImageJson.timestamp(tag.updatedAt())).build();
    }

    private static Response json(Response.ResponseBuilder response, JsonObject body) {
        return response.entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
