package org.glancejee.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.glancejee.web.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.ResourceUsage;
import org.glancejee.service.ImageQuotas;
import org.glancejee.web.context.Caller;

/**
 * Discovery of optional features (JSON whatever Accept says, as everywhere in the API): {@code GET /v2/info/import}
 * lists the enabled import methods, {@code GET /v2/info/usage} the caller's project's quota usage and limits.
 */
@Path("v2/info")
@RequestScoped
public class InfoResource {

    @Inject
    ApiSettings settings;

    @Inject
    ImageQuotas quotas;

    @Context
    ContainerRequestContext request;

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

    /**
     * {@code {"usage": {"image_size_total": {"usage": 3, "limit": 10}, ...}}} for the caller's project; an empty
     * object without unified limits. Open to every caller, as in Glance (no policy guards it).
     */
    @GET
    @Path("usage")
    public Response usage() {
        JsonObjectBuilder usage = Jsons.PROVIDER.createObjectBuilder();
        for (ResourceUsage u : quotas.usage(Caller.of(request))) {
            usage.add(u.resource().limitName(), Jsons.PROVIDER.createObjectBuilder()
                    .add("usage", u.usage())
                    .add("limit", u.limit()));
        }
        String body = Jsons.PROVIDER.createObjectBuilder().add("usage", usage).build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
