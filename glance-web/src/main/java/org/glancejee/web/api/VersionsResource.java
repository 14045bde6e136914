package org.glancejee.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Version discovery: {@code GET /} answers 300 Multiple Choices, {@code GET /versions} 200. */
@Path("")
@RequestScoped
public class VersionsResource {

    @Inject
    ApiVersions versions;

    @Context
    UriInfo uri;

    @GET
    public Response root() {
        return Response.status(300).entity(versions.document(uri).toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("versions")
    public Response list() {
        return Response.ok(versions.document(uri).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Glance redirects the bare version prefix to its trailing-slash form. */
    @GET
    @Path("v2")
    public Response v2() {
        return Response.status(302).location(uri.getBaseUriBuilder().path("v2/").build()).build();
    }
}
