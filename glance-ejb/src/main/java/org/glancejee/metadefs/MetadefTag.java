package org.glancejee.metadefs;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.glancejee.domain.InvalidInputException;

import java.time.Instant;

/** A tag a namespace offers for resources; names are unique in a namespace whatever their case, as in Glance. */
@Entity
@Table(name = "metadef_tags")
public class MetadefTag extends NamespaceContent {

    protected MetadefTag() {
    }

    private MetadefTag(String namespaceId, Instant now) {
        super(namespaceId, now);
    }

    public static MetadefTag create(String namespaceId, String name, Instant now) {
        MetadefTag tag = new MetadefTag(namespaceId, now);
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
}
