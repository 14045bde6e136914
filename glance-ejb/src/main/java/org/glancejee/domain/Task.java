package org.glancejee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An asynchronous piece of work on an image (an import), with its input, result and progress message.
 * Input and result are JSON objects kept as text; the task does not interpret them.
 */
@Entity
@Table(name = "tasks")
public class Task extends SoftDeletedRecord {
    /** Glance's type for imports through {@code POST /v2/images/{id}/import}. */
    public static final String API_IMAGE_IMPORT = "api_image_import";
    /** The tasks API's own (deprecated) import: a new image filled from {@code import_from}. */
    public static final String LEGACY_IMPORT = "import";
    /** Registering data kept elsewhere through {@code POST /v2/images/{id}/locations}, then hashing it. */
    public static final String LOCATION_IMPORT = "location_import";

    @Id
    @Column(length = 36)
    private String id;

    private String type;

    private TaskStatus status;

    private String owner;

    @Column(name = "image_id")
    private String imageId;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "user_id")
    private String userId;

    private String input;

    private String result;

    private String message;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** The server running the task, so a restart can tell its own interrupted tasks. */
    private String node;

    protected Task() {
    }

    public static Task pending(String type, RequestContext caller, String imageId, String inputJson, String node,
                               Instant now) {
        Task t = new Task();
        t.id = UUID.randomUUID().toString();
        t.type = type;
        t.status = TaskStatus.PENDING;
        t.owner = caller.projectId();
        t.userId = caller.userId();
        t.requestId = caller.requestId();
        t.imageId = imageId;
        t.input = inputJson;
        t.message = "";
        t.node = node;
        t.created(now);
        return t;
    }

    /** pending → processing. */
    public void begin(Instant now) {
        if (status != TaskStatus.PENDING) {
            throw new ConflictException("Task " + id + " cannot start from status " + status.apiName());
        }
        status = TaskStatus.PROCESSING;
        touched(now);
    }

    /** A progress note while processing, e.g. "Copied 15 MiB". */
    public void progress(String note, Instant now) {
        message = note;
        touched(now);
    }

    /** processing → success; the task expires {@code timeToLive} after it finished. */
    public void succeed(String resultJson, Duration timeToLive, Instant now) {
        status = TaskStatus.SUCCESS;
        result = resultJson;
        message = "";
        finished(timeToLive, now);
    }

    /** pending or processing → failure, saying why. */
    public void fail(String why, Duration timeToLive, Instant now) {
        status = TaskStatus.FAILURE;
        message = why;
        finished(timeToLive, now);
    }

    private void finished(Duration timeToLive, Instant now) {
        expiresAt = now.plus(timeToLive);
        node = null;
        touched(now);
    }

    /**
     * Whether this task still holds its image's import lock: unfinished and heard from within the last hour
     * (two while pending), as in Glance. Unlike Glance, a finished task never holds it: its lock is a leftover.
     */
    public boolean holdsImportLock(Instant now) {
        if (status.finished()) {
            return false;
        }
        Duration expiry = Duration.ofMinutes(status == TaskStatus.PENDING ? 120 : 60);
        return Duration.between(updatedAt(), now).compareTo(expiry) < 0;
    }

    /** Whether the task reached its expiry time and should no longer be shown. */
    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public void expire(Instant now) {
        markDeletedAt(now);
    }

    public String id() { return id; }
    public String type() { return type; }
    public TaskStatus status() { return status; }
    public String owner() { return owner; }
    public String imageId() { return imageId; }
    public String requestId() { return requestId; }
    public String userId() { return userId; }
    public String input() { return input; }
    public String result() { return result; }
    public String message() { return message; }
    public Instant expiresAt() { return expiresAt; }
    public String node() { return node; }
}
