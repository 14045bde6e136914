package org.glancejee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An asynchronous piece of work on an image (an import), with its input, result and progress message. */
@Entity
@Table(name = "tasks")
public class Task extends SoftDeletedRecord {
    @Id
    @Column(length = 36)
    private String id;

    private String type;

    private String status;

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


    protected Task() {
    }

    public static Task pending(String type, String owner, String imageId, String input, Instant now) {
        Task t = new Task();
        t.id = UUID.randomUUID().toString();
        t.type = type;
        t.status = "pending";
        t.owner = owner;
        t.imageId = imageId;
        t.input = input;
        t.message = "";
        t.created(now);
        return t;
    }

    public String id() { return id; }
    public String type() { return type; }
    public String status() { return status; }
    public String owner() { return owner; }
    public String imageId() { return imageId; }
    public String input() { return input; }
    public String result() { return result; }
    public String message() { return message; }
    public Instant expiresAt() { return expiresAt; }
}
