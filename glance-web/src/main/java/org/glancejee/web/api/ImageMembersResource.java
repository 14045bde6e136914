package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.json.JsonObject;
import org.glancejee.service.ImageMemberService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.MemberJson;
import org.glancejee.web.json.MemberRequests;

/**
 * Sharing: the members of an image. {@code POST} adds one (200, as in Glance, not 201), {@code PUT} sets
 * a member's status, {@code DELETE} removes it (204). Bodies are read before anything is looked up, as
 * Glance's deserializer does; JSON whatever the Accept header says.
 */
@Path("v2/images/{id}/members")
@ApplicationScoped
public class ImageMembersResource {

    @Inject
    ImageMemberService members;

    @GET
    public Response list(@PathParam("id") String id, @Context HttpServletRequest request) {
        return json(MemberJson.list(members.list(Caller.of(request), id)));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response add(@PathParam("id") String id, String body, @Context HttpServletRequest request) {
        String member = MemberRequests.member(body);
        return json(MemberJson.view(members.add(Caller.of(request), id, member)));
    }

    @GET
    @Path("{member}")
    public Response show(@PathParam("id") String id, @PathParam("member") String member,
                         @Context HttpServletRequest request) {
        return json(MemberJson.view(members.show(Caller.of(request), id, member)));
    }

    @PUT
    @Path("{member}")
    @Consumes(MediaType.WILDCARD)
    public Response changeStatus(@PathParam("id") String id, @PathParam("member") String member, String body,
                                 @Context HttpServletRequest request) {
        Object status = MemberRequests.status(body);
        return json(MemberJson.view(members.changeStatus(Caller.of(request), id, member, status)));
    }

    @DELETE
    @Path("{member}")
    public Response remove(@PathParam("id") String id, @PathParam("member") String member,
                           @Context HttpServletRequest request) {
        members.remove(Caller.of(request), id, member);
        return Response.noContent().build();
    }

    private static Response json(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
