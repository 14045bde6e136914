package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.glancejee.service.ImageService;
import org.glancejee.web.context.Caller;

/** {@code POST /v2/images/{id}/actions/deactivate|reactivate}: take an image out of service and back. */
@Path("v2/images/{id}/actions")
@RequestScoped
public class ImageActionsResource {

    @Inject
    ImageService images;

    @Context
    HttpServletRequest request;

    @POST
    @Path("deactivate")
    public Response deactivate(@PathParam("id") String id) {
        images.deactivate(Caller.of(request), id);
        return Response.noContent().build();
    }

    /** Not Glance's API: glance-scrubber --restore, for an image deleted with delayed_delete by mistake. */
    @POST
    @Path("restore")
    public Response restore(@PathParam("id") String id) {
        images.restore(Caller.of(request), id);
        return Response.noContent().build();
    }

    @POST
    @Path("reactivate")
    public Response reactivate(@PathParam("id") String id) {
        images.reactivate(Caller.of(request), id);
        return Response.noContent().build();
    }
}
