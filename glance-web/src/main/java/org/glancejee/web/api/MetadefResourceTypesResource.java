package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.metadefs.MetadefResourceTypeService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageJson;
import org.glancejee.web.json.Jsons;

/** The resource types metadef namespaces apply to ({@code /v2/metadefs/resource_types}). */
@Path("v2/metadefs/resource_types")
@RequestScoped
public class MetadefResourceTypesResource {

    @Inject
    MetadefResourceTypeService resourceTypes;

    @Context
    HttpServletRequest request;

    @GET
    public Response list() {
        JsonArrayBuilder types = Jsons.PROVIDER.createArrayBuilder();
        resourceTypes.list(Caller.of(request)).forEach(t -> types.add(Jsons.PROVIDER.createObjectBuilder()
                .add("name", t.name()).add("created_at", ImageJson.timestamp(t.createdAt()))
                .add("updated_at", ImageJson.timestamp(t.updatedAt()))));
        return Response.ok(Jsons.PROVIDER.createObjectBuilder().add("resource_types", types).build().toString())
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
