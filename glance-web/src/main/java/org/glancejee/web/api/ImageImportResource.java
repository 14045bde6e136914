package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.imports.ImportService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.JsonBodies;

import java.util.Optional;

/** {@code POST /v2/images/{id}/import} starts an import: 202, and the work goes on as a task. */
@Path("v2/images/{id}/import")
@RequestScoped
public class ImageImportResource {

    @Inject
    ImportService imports;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response importImage(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token,
                                @HeaderParam("X-Image-Meta-Store") String store,
                                String body) {
        JsonValue json = JsonBodies.parse(body);
        if (!(json instanceof JsonObject object)) {
            throw new InvalidInputException("Import request requires a 'method' field.");
        }
        imports.requestImport(Caller.of(request), id, object, Optional.ofNullable(token), Optional.ofNullable(store));
        return Response.accepted().build();
    }
}
