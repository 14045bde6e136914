package org.glancejee.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Task;
import org.glancejee.domain.TaskQuery;
import org.glancejee.service.ImageStatistics;
import org.glancejee.service.TaskService;
import org.glancejee.web.context.Caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard (admins): images by status, visibility and format, storage per store and per project as bar
 * charts drawn on the server (SVG, no script), the latest tasks, and the health of stores and jobs. Other
 * users go to their images.
 */
@Path("admin")
@RequestScoped
public class DashboardPage {

    @Inject
    ImageStatistics statistics;

    @Inject
    TaskService tasks;

    @Inject
    OperationsView operations;

    @Context
    HttpServletRequest servlet;


    @GET
    public Response show() {
        RequestContext caller = Caller.of(servlet);
        if (!caller.admin()) {
            return AdminPages.redirect(servlet, "/admin/images", null);
        }
        ImageStatistics.Summary summary = statistics.summary(caller, 10);
        Map<String, Object> model = AdminPages.model();
        model.put("summary", summary);
        model.put("byStatus", BarChart.counts(summary.byStatus()));
        model.put("byVisibility", BarChart.counts(summary.byVisibility()));
        model.put("byFormat", BarChart.counts(summary.byDiskFormat()));
        model.put("byStore", BarChart.bytes(summary.byStore()));
        model.put("byProject", BarChart.bytes(summary.byProject()));
        model.put("tasks", recentTasks(caller));
        model.put("stores", operations.stores());
        model.put("jobs", operations.jobs());
        return AdminPages.page(servlet, caller, "dashboard", model);
    }

    private List<Task> recentTasks(RequestContext caller) {
        return tasks.list(caller, new TaskQuery(Optional.empty(), Optional.empty(), Optional.empty(), "created_at",
                false, Optional.empty(), 8));
    }
}
