package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.service.TaskService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.TaskJson;

/** {@code GET /v2/images/{id}/tasks}: the tasks (imports) of an image the caller may see. */
@Path("v2/images/{id}/tasks")
@RequestScoped
public class ImageTasksResource {

    @Inject
    TaskService tasks;

    @Context
    HttpServletRequest request;

    @GET
    public Response tasks(@PathParam("id") String id) {
        return Response.ok(TaskJson.imageTasks(tasks.forImage(Caller.of(request), id)).toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
