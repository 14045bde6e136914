package org.glancejee.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.glancejee.config.ApiSettings;

/** Discovery of optional features: {@code GET /v2/info/import} lists the enabled import methods. */
@Path("v2/info")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

    @Inject
    ApiSettings settings;

    @GET
    @Path("import")
    public String importMethods() {
        JsonArrayBuilder methods = Json.createArrayBuilder();
        settings.enabledImportMethods().forEach(methods::add);
        return Json.createObjectBuilder().add("import-methods", Json.createObjectBuilder()
                .add("description", "Import methods available.")
                .add("type", "array")
                .add("value", methods)).build().toString();
    }
}
