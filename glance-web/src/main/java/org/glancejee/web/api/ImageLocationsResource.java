package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.imports.LocationImport;
import org.glancejee.service.LocationService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageViews;
import org.glancejee.web.json.JsonBodies;
import org.glancejee.web.json.Jsons;

/**
 * The locations API of 2.17: {@code POST} registers data kept elsewhere for a queued image (202; hashed by a
 * {@code location_import} task), {@code GET} lists an image's locations for services.
 */
@Path("v2/images/{id}/locations")
@RequestScoped
public class ImageLocationsResource {

    @Inject
    LocationImport locationImport;

    @Inject
    LocationService locations;

    @Inject
    ImageViews views;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response add(@PathParam("id") String id, String body) {
        JsonValue json = JsonBodies.parse(body);
        if (!(json instanceof JsonObject object)) {
            throw new InvalidInputException("Invalid location: the body must be {\"url\": …}");
        }
        locationImport.add(Caller.of(request), id, object);
        return Response.accepted().build();
    }

    @GET
    public Response list(@PathParam("id") String id) {
        JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
        for (ImageLocation l : locations.list(Caller.of(request), id)) {
            list.add(views.location(l));
        }
        return Response.ok(list.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
