package org.glancejee.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.glancejee.cache.ImageCache;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.RequestContext;
import org.glancejee.jobs.JobOutcome;
import org.glancejee.jobs.JobScheduler;
import org.glancejee.replication.Replicator;
import org.glancejee.service.CacheService;
import org.glancejee.store.StoreMonitor;
import org.glancejee.web.context.Caller;

import java.util.Map;
import java.util.Optional;

/**
 * Operations (admins): the stores and their state, the image cache (entries, queue, prune, clean, clear), the
 * background jobs (last runs, backlogs, errors, run now) and the replicator's last reports.
 */
@Path("admin/operations")
@RequestScoped
public class OperationsPage {

    @Inject
    OperationsView operations;

    @Inject
    StoreMonitor monitor;

    @Inject
    JobScheduler jobs;

    @Inject
    ImageCache cache;

    @Inject
    CacheService cacheService;

    @Inject
    Replicator replicator;

    @Context
    HttpServletRequest servlet;


    @GET
    public Response show() {
        RequestContext caller = admin();
        Map<String, Object> model = AdminPages.model();
        model.put("stores", operations.stores());
        model.put("jobs", operations.jobs());
        model.put("cacheEnabled", cache.enabled());
        if (cache.enabled()) {
            CacheService.CacheState state = cacheService.state(caller);
            model.put("cached", state.cached());
            model.put("queued", state.queued());
            model.put("cachedBytes", AdminPages.bytes(state.cached().stream().mapToLong(c -> c.size()).sum()));
        }
        model.put("targets", replicator.targets());
        model.put("reports", replicator.lastReports());
        return AdminPages.page(servlet, caller, "operations", model);
    }

    @POST
    @Path("stores/probe")
    public Response probeStores() {
        admin();
        monitor.probeAll();
        return done("The stores were probed.");
    }

    @POST
    @Path("jobs/{name}/run")
    public Response runJob(@PathParam("name") String name) {
        admin();
        if (!jobs.records().containsKey(name)) {
            return AdminPages.redirect(servlet, "/admin/operations", new AdminPages.Flash("error", "No job " + name + "."));
        }
        Optional<JobOutcome> outcome = jobs.runNow(name);
        return done(outcome.map(o -> name + " ran: " + o.done() + " done, " + o.failed() + " failed, " + o.backlog()
                + " left.").orElse(name + " did not run here: another server holds its lease, or it failed (see"
                + " its last error)."));
    }

    @POST
    @Path("cache/{action}")
    public Response cache(@PathParam("action") String action) {
        RequestContext caller = admin();
        return switch (action) {
            case "prune" -> {
                ImageCache.Pruned pruned = cacheService.prune(caller);
                yield done("Pruned " + pruned.files() + " cached images (" + AdminPages.bytes(pruned.bytes()) + ").");
            }
            case "clean" -> done("Cleaned " + cacheService.clean(caller) + " stale files.");
            case "clear" -> {
                CacheService.Cleared cleared = cacheService.clear(caller, "");
                yield done("Removed " + cleared.cached().orElse(0) + " cached and " + cleared.queued().orElse(0)
                        + " queued images.");
            }
            default -> AdminPages.redirect(servlet, "/admin/operations", new AdminPages.Flash("error",
                    "Unknown cache action."));
        };
    }

    private Response done(String message) {
        return AdminPages.redirect(servlet, "/admin/operations", new AdminPages.Flash("info", message));
    }

    private RequestContext admin() {
        RequestContext caller = Caller.of(servlet);
        if (!caller.admin()) {
            throw new ForbiddenException("Operations are for administrators.");
        }
        return caller;
    }
}
