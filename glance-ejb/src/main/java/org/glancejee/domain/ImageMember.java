package org.glancejee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A project an owner shared an image with, and whether that project accepted it. As in Glance there is
 * one row per image and project for good: removing a member marks the row deleted, and sharing the image
 * with that project again brings the same row back.
 */
@Entity
@Table(name = "image_members")
public class ImageMember extends SoftDeletedRecord {

    /** The member project's answer to the share. */
    public enum Status {
        PENDING, ACCEPTED, REJECTED;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status a request asks for, which may be any JSON value; anything but the three names is a 400. */
        public static Status fromApi(Object value) {
            for (Status status : values()) {
                if (status.apiName().equals(value)) {
                    return status;
                }
            }
            throw new InvalidInputException(
                    "Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".");
        }
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "image_id")
    private String imageId;

    private String member;

    @Column(name = "can_share")
    private boolean canShare;

    private String status;


    protected ImageMember() {
    }

    public static ImageMember pending(String imageId, String member, Instant now) {
        ImageMember m = new ImageMember();
        m.id = UUID.randomUUID().toString();
        m.imageId = imageId;
        m.member = member;
        m.status = Status.PENDING.apiName();
        m.created(now);
        return m;
    }

    public String imageId() { return imageId; }
    public String member() { return member; }
    public Status status() { return Status.valueOf(status.toUpperCase(Locale.ROOT)); }

    /**
     * Records the member's answer. Only a change moves updated_at: Glance writes the row only when a value
     * differs, so answering "accepted" twice keeps the first time.
     */
    public void changeStatus(Status answer, Instant now) {
        if (!answer.apiName().equals(status)) {
            status = answer.apiName();
            touched(now);
        }
    }

    /** The owner no longer shares the image with this project. */
    public void remove(Instant now) {
        markDeletedAt(now);
    }

    /**
     * Shares the image again with a project whose membership was removed: pending once more, with its
     * original created_at, as Glance reuses the deleted row.
     */
    public void rejoin(Instant now) {
        status = Status.PENDING.apiName();
        canShare = false;
        restored(now);
    }
}
