package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.web.json.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.Image;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.ImagePage;
import org.glancejee.domain.ImageQuery;
import org.glancejee.service.ImageService;
import org.glancejee.web.context.Caller;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;
import org.glancejee.web.json.ImageViews;
import org.glancejee.web.json.JsonBodies;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The image collection: {@code GET /v2/images} lists, {@code POST /v2/images} creates. Like Glance it
 * answers JSON whatever the Accept header says (no {@code @Produces}, so no 406); Accept only chooses
 * the format of error bodies.
 */
@Path("v2/images")
@ApplicationScoped
public class ImagesResource {

    @Inject
    ImageService images;

    @Inject
    ImageViews views;

    @Inject
    ImageStores stores;

    @Inject
    ApiSettings settings;

    @GET
    public Response list(@Context UriInfo uri, @Context HttpServletRequest request) {
        List<Map.Entry<String, String>> params = Links.queryParameters(uri);
        ImageQuery query = ImageQueryParser.parse(params, settings.limitParamDefault(), settings.apiLimitMax());
        RequestContext caller = Caller.of(request);
        ImagePage page = images.list(caller, query);
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder()
                .add("images", views.many(caller, page.images()))
                .add("first", Links.withQuery("/v2/images", params, "marker"))
                .add("schema", "/v2/schemas/images");
        if (page.more()) {
            String last = page.images().get(page.images().size() - 1).id();
            String without = Links.withQuery("/v2/images", params, "marker");
            body.add("next", without + (without.contains("?") ? "&" : "?") + "marker=" + last);
        }
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body, @Context UriInfo uri, @Context HttpServletRequest request) {
        Map<String, Object> fields = JsonBodies.object(body);
        RequestContext caller = Caller.of(request);
        Image image = images.create(caller, fields);
        Response.ResponseBuilder created = Response.status(Response.Status.CREATED)
                .location(URI.create(Links.absolute(uri, settings.publicEndpoint(), "/v2/images/" + image.id())))
                .entity(views.one(caller, image).toString())
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (!settings.enabledImportMethods().isEmpty()) {
            created.header("OpenStack-image-import-methods", String.join(",", settings.enabledImportMethods()));
        }
        if (stores.multiStore()) {
            created.header("OpenStack-image-store-ids", stores.configured().stream().map(ConfiguredStore::id)
                    .collect(Collectors.joining(",")));
        }
        return created.build();
    }
}
