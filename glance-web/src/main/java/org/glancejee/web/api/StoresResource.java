package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.glancejee.service.LocationService;
import org.glancejee.web.context.Caller;

/** {@code DELETE /v2/stores/{store}/{image}}: drop one store's copy of an image that has others (API 2.10). */
@Path("v2/stores")
@RequestScoped
public class StoresResource {

    @Inject
    LocationService locations;

    @Context
    HttpServletRequest request;

    @DELETE
    @Path("{store}/{image}")
    public Response deleteFromStore(@PathParam("store") String store, @PathParam("image") String image) {
        locations.deleteFromStore(Caller.of(request), store, image);
        return Response.noContent().build();
    }
}
