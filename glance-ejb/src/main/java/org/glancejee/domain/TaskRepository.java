package org.glancejee.domain;

import java.util.List;
import java.util.Optional;

/** Tasks, soft-deleted ones excluded. */
public interface TaskRepository {

    Optional<Task> find(String id);

    void add(Task task);

    /** An image's tasks, oldest first. */
    List<Task> forImage(String imageId);

    /** One page of tasks, {@code owner} null for all, in {@code sortKey} order, after {@code marker}. */
    List<Task> list(TaskQuery query);

    /** Soft-deletes the tasks whose expiry time has come; returns how many. */
    int expire(java.time.Instant now);

    /** Tasks this server was running (pending or processing) when it stopped. */
    List<Task> unfinishedOn(String node);
}
