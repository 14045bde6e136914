package org.glancejee.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.glancejee.domain.Image;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Task;
import org.glancejee.domain.TaskQuery;
import org.glancejee.domain.TaskRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reading tasks: an image's tasks ({@code GET /v2/images/{id}/tasks}, for anyone who may see the image) and
 * the admin tasks API ({@code /v2/tasks}, behind {@code tasks_api_access}). Tasks past their expiry are
 * soft-deleted as they are met, as Glance does, and never shown.
 */
@Stateless
public class TaskService {

    @Inject
    TaskRepository tasks;

    @Inject
    VisibleImages visibleImages;

    @Inject
    ImageAuthorization authorization;

    private final Clock clock = Clock.systemUTC();

    public List<Task> forImage(RequestContext caller, String imageId) {
        Image image = visibleImages.require(caller, imageId);
        authorization.enforce(ImageAuthorization.GET_IMAGE, caller, image);
        tasks.expire(clock.instant());
        return tasks.forImage(imageId).stream().filter(t -> visible(caller, t)).toList();
    }

    public List<Task> list(RequestContext caller, TaskQuery query) {
        authorization.enforceForProject("tasks_api_access", caller);
        authorization.enforceForProject("get_tasks", caller);
        tasks.expire(clock.instant());
        TaskQuery scoped = caller.admin() ? query : new TaskQuery(Optional.ofNullable(caller.projectId()),
                query.status(), query.type(), query.sortKey(), query.ascending(), query.marker(), query.limit());
        return tasks.list(scoped);
    }

    /** One task; another project's task answers 404 like a missing one (Glance says 403, which tells it exists). */
    public Task show(RequestContext caller, String taskId) {
        authorization.enforceForProject("tasks_api_access", caller);
        authorization.enforceForProject("get_task", caller);
        tasks.expire(clock.instant());
        return tasks.find(taskId).filter(t -> visible(caller, t)).orElseThrow(() ->
                new NotFoundException("Task with the given id " + taskId + " was not found"));
    }

    private static boolean visible(RequestContext caller, Task task) {
        return caller.admin() || task.owner() == null || task.owner().equals(caller.projectId());
    }
}
