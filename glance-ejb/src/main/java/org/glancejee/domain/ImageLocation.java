package org.glancejee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Where one copy of an image's data is kept: a store id and a store-specific URL users never see. */
@Entity
@Table(name = "image_locations")
public class ImageLocation extends SoftDeletedRecord {
    public static final String PENDING_DELETE = "pending_delete";
    /** Claimed by the scrubber: its data is being removed, so the image can no longer be restored. */
    public static final String SCRUBBING = "scrubbing";
    /** The statuses of a location whose data still waits to be removed. */
    public static final java.util.List<String> AWAITING_SCRUBBER = java.util.List.of(PENDING_DELETE, SCRUBBING);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "image_id")
    private String imageId;

    private String store;

    private String url;

    @Column(name = "meta_data")
    private String metadata;

    private String status;


    protected ImageLocation() {
    }

    public static ImageLocation active(String imageId, String store, String url, Instant now) {
        ImageLocation l = new ImageLocation();
        l.id = UUID.randomUUID().toString();
        l.imageId = imageId;
        l.store = store;
        l.url = url;
        l.status = "active";
        l.created(now);
        return l;
    }

    /** The data is gone (or going): the location no longer serves the image. */
    public void markDeleted(Instant now) {
        status = "deleted";
        markDeletedAt(now);
    }

    /** The image was deleted with delayed_delete: the data waits for the scrubber. */
    public void markPendingDelete(Instant now) {
        status = PENDING_DELETE;
        markDeletedAt(now);
    }

    /** The scrubber is about to remove the data; there is no way back from here. */
    public void claimForScrubbing() {
        status = SCRUBBING;
    }

    /** The scrubber removed the data. */
    public void scrubbed() {
        status = "deleted";
    }

    /** The image was restored before the scrubber came. */
    public void restore(Instant now) {
        status = "active";
        restored(now);
    }

    public String id() { return id; }
    public String imageId() { return imageId; }
    public String store() { return store; }
    public String url() { return url; }
    public String status() { return status; }
}
