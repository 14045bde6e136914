package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.cache.CachedImage;
import org.glancejee.cache.ImageCache;
import org.glancejee.service.CacheService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.Jsons;

import java.math.BigDecimal;
import java.time.Instant;

/** The cache API ({@code /v2/cache}, API 2.14, 2.16 and 2.18): this server's image cache and its queue. */
@Path("v2/cache")
@RequestScoped
public class CacheResource {

    @Inject
    CacheService caching;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response state() {
        CacheService.CacheState state = caching.state(Caller.of(request));
        JsonArrayBuilder cached = Jsons.PROVIDER.createArrayBuilder();
        for (CachedImage entry : state.cached()) {
            cached.add(Jsons.PROVIDER.createObjectBuilder()
                    .add("image_id", entry.imageId())
                    .add("hits", entry.hits())
                    .add("last_accessed", epochSeconds(entry.lastAccessed()))
                    .add("last_modified", epochSeconds(entry.lastModified()))
                    .add("size", entry.size()));
        }
        JsonArrayBuilder queued = Jsons.PROVIDER.createArrayBuilder();
        state.queued().forEach(queued::add);
        return Response.ok(Jsons.PROVIDER.createObjectBuilder()
                .add("cached_images", cached).add("queued_images", queued).build().toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PUT
    @Path("{image}")
    public Response queue(@PathParam("image") String image) {
        caching.queue(Caller.of(request), image);
        return Response.accepted().build();
    }

    @DELETE
    @Path("{image}")
    public Response remove(@PathParam("image") String image) {
        caching.remove(Caller.of(request), image);
        return Response.noContent().build();
    }

    @DELETE
    public Response clear(@HeaderParam("x-image-cache-clear-target") String target) {
        caching.clear(Caller.of(request), target);
        return Response.noContent().build();
    }

    @POST
    @Path("clean")
    public Response clean() {
        caching.clean(Caller.of(request));
        return Response.ok().build();
    }

    @POST
    @Path("prune")
    @Produces(MediaType.APPLICATION_JSON)
    public Response prune() {
        ImageCache.Pruned pruned = caching.prune(Caller.of(request));
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder()
                .add("total_files_pruned", pruned.files())
                .add("total_bytes_pruned", pruned.bytes());
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Seconds since the epoch with microseconds, as Python's datetime.timestamp() gives them. */
    private static BigDecimal epochSeconds(Instant at) {
        return BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano() / 1000, 6));
    }
}
