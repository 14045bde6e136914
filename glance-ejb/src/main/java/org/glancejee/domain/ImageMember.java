package org.glancejee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A project an owner shared an image with, and whether that project accepted it. */
@Entity
@Table(name = "image_members")
public class ImageMember extends SoftDeletedRecord {
    public enum Status { PENDING, ACCEPTED, REJECTED }

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
        m.status = "pending";
        m.created(now);
        return m;
    }

    public String imageId() { return imageId; }
    public String member() { return member; }
    public String status() { return status; }
}
