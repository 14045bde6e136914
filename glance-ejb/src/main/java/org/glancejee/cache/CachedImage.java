package org.glancejee.cache;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One image in one server's cache: its size, the checksum it was verified against, and its use. */
@Entity
@Table(name = "cached_images")
@IdClass(CachedImage.Key.class)
public class CachedImage {

    /** The composite key: the server and the image. */
    public static class Key implements Serializable {
        private String node;
        private String imageId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(node, k.node) && java.util.Objects.equals(imageId, k.imageId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(node, imageId);
        }
    }

    @Id
    private String node;

    @Id
    @Column(name = "image_id")
    private String imageId;

    private long size;

    private String checksum;

    private long hits;

    @Column(name = "last_accessed")
    private Instant lastAccessed;

    @Column(name = "last_modified")
    private Instant lastModified;

    protected CachedImage() {
    }

    CachedImage(String node, String imageId, long size, String checksum, Instant now) {
        this.node = node;
        this.imageId = imageId;
        this.size = size;
        this.checksum = checksum;
        this.lastAccessed = now;
        this.lastModified = now;
    }

    void hit(Instant now) {
        hits++;
        lastAccessed = now;
    }

    public String imageId() { return imageId; }
    public long size() { return size; }
    public String checksum() { return checksum; }
    public long hits() { return hits; }
    public Instant lastAccessed() { return lastAccessed; }
    public Instant lastModified() { return lastModified; }
}
