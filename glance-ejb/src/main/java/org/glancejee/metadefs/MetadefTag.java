package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.glancejee.domain.InvalidInputException;

import java.time.Instant;
import java.util.UUID;

/** A tag a namespace offers for resources; names are unique in a namespace whatever their case, as in Glance. */
@Entity
@Table(name = "metadef_tags")
public class MetadefTag {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "namespace_id")
    private String namespaceId;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected MetadefTag() {
    }

    public static MetadefTag create(String namespaceId, String name, Instant now) {
        MetadefTag tag = new MetadefTag();
        tag.id = UUID.randomUUID().toString();
        tag.namespaceId = namespaceId;
        tag.createdAt = now;
        tag.rename(name, now);
        return tag;
    }

    public void rename(String newName, Instant now) {
        requireValidName(newName);
        name = newName;
        updatedAt = now;
    }

    /** The tag schema's rule: a name of 1 to 80 characters. */
    public static void requireValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > 80) {
            throw new InvalidInputException("Provided object does not match schema 'tag': a tag's name takes 1 to"
                    + " 80 characters");
        }
    }

    public String id() { return id; }
    public String name() { return name; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
