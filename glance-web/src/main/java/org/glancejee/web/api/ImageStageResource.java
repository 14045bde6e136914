package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.imports.ImportService;
import org.glancejee.web.context.Caller;

import java.io.InputStream;

/** {@code PUT /v2/images/{id}/stage}: data for a later glance-direct import, kept in the staging area. */
@Path("v2/images/{id}/stage")
@RequestScoped
public class ImageStageResource {

    @Inject
    ImportService imports;

    @Context
    HttpServletRequest request;

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response stage(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                          @HeaderParam("x-openstack-image-size") String declaredSize, InputStream body) {
        imports.requireStaging();
        ImageDataResource.requireOctetStream(contentType);
        imports.stage(Caller.of(request), id, body, ImageDataResource.expectedSize(declaredSize, contentLength));
        return Response.noContent().build();
    }
}
