package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.glancejee.web.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.ResourceUsage;
import org.glancejee.service.ImageAuthorization;
import org.glancejee.service.ImageQuotas;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;

import java.util.Map;
import org.glancejee.web.context.Caller;

/**
 * Discovery of optional features (JSON whatever Accept says, as everywhere in the API): {@code GET /v2/info/import}
 * lists the enabled import methods, {@code /v2/info/stores} the stores, {@code GET /v2/info/usage} the caller's
 * project's quota usage and limits.
 */
@Path("v2/info")
@RequestScoped
public class InfoResource {

    @Inject
    ApiSettings settings;

    @Inject
    ImageQuotas quotas;

    @Inject
    ImageStores stores;

    @Inject
    ImageAuthorization authorization;

    @Context
    HttpServletRequest request;

    /** The configured stores; 404 without multi-store, as in Glance. */
    @GET
    @Path("stores")
    public Response stores() {
        return Response.ok(Jsons.PROVIDER.createObjectBuilder().add("stores", storeList(false)).build().toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The stores with their type and settings (never credentials), for admins and services. */
    @GET
    @Path("stores/detail")
    public Response storesDetail() {
        JsonArray list = storeList(true);
        return Response.ok(Jsons.PROVIDER.createObjectBuilder().add("stores", list).build().toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    private JsonArray storeList(boolean detail) {
        if (!stores.multiStore()) {
            throw new NotFoundException("Multi backend is not supported at this site.");
        }
        if (detail) {
            authorization.enforceForProject("stores_info_detail", Caller.of(request));
        }
        JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
        for (ConfiguredStore store : stores.configured()) {
            JsonObjectBuilder entry = Jsons.PROVIDER.createObjectBuilder().add("id", store.id());
            store.description().ifPresent(d -> entry.add("description", d));
            if (store.isDefault()) {
                entry.add("default", "true");
            }
            if (store.readOnly()) {
                entry.add("read-only", "true");
            }
            if (detail) {
                entry.add("type", store.type()).add("weight", store.weight())
                        .add("properties", Jsons.PROVIDER.createObjectBuilder(
                                store.driver().map(d -> d.properties()).orElse(Map.of())));
            }
            list.add(entry);
        }
        return list.build();
    }

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
