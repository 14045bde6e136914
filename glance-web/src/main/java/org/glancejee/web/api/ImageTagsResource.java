package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.glancejee.service.ImageService;
import org.glancejee.web.context.Caller;

/** {@code PUT} adds a tag (adding it twice changes nothing), {@code DELETE} removes it. */
@Path("v2/images/{id}/tags/{tag}")
@RequestScoped
public class ImageTagsResource {

    @Inject
    ImageService images;

    @Context
    HttpServletRequest request;

    @PUT
    public Response add(@PathParam("id") String id, @PathParam("tag") String tag) {
        images.addTag(Caller.of(request), id, tag);
        return Response.noContent().build();
    }

    @DELETE
    public Response remove(@PathParam("id") String id, @PathParam("tag") String tag) {
        images.removeTag(Caller.of(request), id, tag);
        return Response.noContent().build();
    }
}
