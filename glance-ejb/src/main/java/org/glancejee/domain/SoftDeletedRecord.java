package org.glancejee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * The bookkeeping Glance keeps on every row beside images: when it was created and last changed, and
 * soft deletion (rows are marked deleted, not removed, until a purge).
 */
@MappedSuperclass
public abstract class SoftDeletedRecord {

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    private boolean deleted;

    protected SoftDeletedRecord() {
    }

    /** Stamps a new record. */
    protected void created(Instant now) {
        createdAt = now;
        updatedAt = now;
    }

    /** Records a change to the record. */
    protected void touched(Instant now) {
        updatedAt = now;
    }

    protected void markDeletedAt(Instant now) {
        deleted = true;
        deletedAt = now;
        updatedAt = now;
    }

    /** Brings a deleted record back into use. */
    protected void restored(Instant now) {
        deleted = false;
        deletedAt = null;
        updatedAt = now;
    }

    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public boolean isDeleted() { return deleted; }
}
