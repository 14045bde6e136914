package org.glancejee.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.RequestContext;
import org.glancejee.service.ImageMemberService;
import org.glancejee.service.ImageService;
import org.glancejee.web.api.ImageQueryParser;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageViews;

import java.util.List;
import java.util.Map;

/**
 * The images other projects shared with the signed-in project: those waiting for an answer, to accept (they
 * then show in its image list) or reject, and those already answered, to change its mind.
 */
@Path("admin/invitations")
@RequestScoped
public class InvitationsPage {

    @Inject
    ImageService images;

    @Inject
    ImageMemberService members;

    @Inject
    ImageViews views;

    @Inject
    ApiSettings settings;

    @Context
    HttpServletRequest servlet;


    @GET
    public Response show() {
        RequestContext caller = Caller.of(servlet);
        Map<String, Object> model = AdminPages.model();
        model.put("project", caller.projectId());
        for (String status : List.of("pending", "accepted", "rejected")) {
            model.put(status, caller.projectId() == null ? List.of() : AdminPages.plain(views.many(caller,
                    images.list(caller, ImageQueryParser.parse(List.of(Map.entry("visibility", "shared"),
                            Map.entry("member_status", status)), settings.apiLimitMax(), settings.apiLimitMax()))
                            .images().stream().filter(i -> !caller.owns(i.owner())).toList())));
        }
        return AdminPages.page(servlet, caller, "invitations", model);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String imageId, @FormParam("status") String status) {
        RequestContext caller = Caller.of(servlet);
        try {
            members.changeStatus(caller, imageId, caller.projectId(), status);
            return AdminPages.redirect(servlet, "/admin/invitations", new AdminPages.Flash("info",
                    "Image " + imageId + " " + status + "."));
        } catch (GlanceException refused) {
            return AdminPages.redirect(servlet, "/admin/invitations", new AdminPages.Flash("error",
                    refused.getMessage()));
        }
    }
}
