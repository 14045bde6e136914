package org.glancejee.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.config.ApiSettings;
import org.glancejee.web.json.MetadefSchemas;
import org.glancejee.web.json.Schemas;

/** JSON-Schema documents clients use to build their forms and check bodies (glanceclient reads them). */
@Path("v2/schemas")
@RequestScoped
public class SchemasResource {

    @Inject
    ApiSettings settings;

    @GET
    @Path("{name}")
    public Response schema(@PathParam("name") String name) {
        String body = Schemas.named(name, settings.diskFormats(), settings.containerFormats())
                .orElseThrow(NotFoundException::new).toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("metadefs/{name}")
    public Response metadef(@PathParam("name") String name) {
        return Response.ok(MetadefSchemas.named(name).orElseThrow(NotFoundException::new).toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
