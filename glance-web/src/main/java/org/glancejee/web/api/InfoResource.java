package org.glancejee.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.glancejee.web.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.config.ApiSettings;

/** Discovery of optional features (JSON whatever Accept says, as everywhere in the API): {@code GET /v2/info/import} lists the enabled import methods. */
@Path("v2/info")
@RequestScoped
public class InfoResource {

    @Inject
    ApiSettings settings;

    @GET
    @Path("import")
    public Response importMethods() {
        JsonArrayBuilder methods = Jsons.PROVIDER.createArrayBuilder();
        settings.enabledImportMethods().forEach(methods::add);
        String body = Jsons.PROVIDER.createObjectBuilder().add("import-methods", Jsons.PROVIDER.createObjectBuilder()
                .add("description", "Import methods available.")
                .add("type", "array")
                .add("value", methods)).build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
