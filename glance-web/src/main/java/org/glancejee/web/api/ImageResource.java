package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.domain.Image;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.PatchOperation;
import org.glancejee.domain.UnsupportedMediaException;
import org.glancejee.service.ImageService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.error.ErrorResponses;
import org.glancejee.web.json.ImageViews;
import org.glancejee.web.json.ImagePatchParser;

import java.util.List;

/**
 * One image: show, update with JSON-Patch, delete. Answers JSON whatever the Accept header says, as
 * Glance does (no {@code @Produces}, so no 406); Accept only chooses the format of error bodies.
 */
@Path("v2/images/{id}")
@ApplicationScoped
public class ImageResource {

    @Inject
    ImageService images;

    @Inject
    ImageViews views;

    @GET
    public Response show(@PathParam("id") String id, @Context HttpServletRequest request) {
        RequestContext caller = Caller.of(request);
        return Response.ok(views.one(caller, images.show(caller, id)).toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @PATCH
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           String body, @Context HttpServletRequest request, @Context HttpHeaders headers) {
        List<PatchOperation> changes;
        try {
            changes = ImagePatchParser.parse(contentType, body);
        } catch (UnsupportedMediaException e) {
            return ErrorResponses.build(415, e.getMessage(), null, ErrorResponses.accept(headers))
                    .header("Accept-Patch", ImagePatchParser.ACCEPT_PATCH).build();
        }
        RequestContext caller = Caller.of(request);
        Image image = images.update(caller, id, changes, ImagePatchParser.strictAdd(contentType));
        return Response.ok(views.one(caller, image).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest request) {
        images.delete(Caller.of(request), id);
        return Response.noContent().build();
    }
}
