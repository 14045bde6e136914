package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.InvalidInputException;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A metadata definitions namespace: a named, owned group of definitions, public or private, that a protected
 * flag keeps from being deleted.
 */
@Entity
@Table(name = "metadef_namespaces")
public class MetadefNamespace {
    public static final Set<String> VISIBILITIES = Set.of("public", "private");

    @Id
    @Column(length = 36)
    private String id;

    private String namespace;

    @Column(name = "display_name")
    private String displayName;

    private String description;

    private String visibility;

    @Column(name = "is_protected")
    private boolean isProtected;

    private String owner;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected MetadefNamespace() {
    }

    /** What a caller gives for a namespace, on create or as a whole on update; absent fields are null. */
    public record Draft(String namespace, String displayName, String description, String visibility,
                        Boolean isProtected, String owner) {
    }

    public static MetadefNamespace create(Draft draft, String defaultOwner, Instant now) {
        MetadefNamespace ns = new MetadefNamespace();
        ns.id = UUID.randomUUID().toString();
        ns.createdAt = now;
        ns.replaceWith(draft, defaultOwner, now);
        return ns;
    }

    /** PUT: every field takes the draft's value, or its default (private, unprotected, the caller's project). */
    public void replaceWith(Draft draft, String defaultOwner, Instant now) {
        if (draft.namespace() == null || draft.namespace().isBlank()) {
            throw new InvalidInputException("'namespace' is a required property");
        }
        if (draft.visibility() != null && !VISIBILITIES.contains(draft.visibility())) {
            throw new InvalidInputException("Invalid visibility value: " + draft.visibility());
        }
        namespace = draft.namespace();
        displayName = draft.displayName();
        description = draft.description();
        visibility = draft.visibility() == null ? "private" : draft.visibility();
        isProtected = draft.isProtected() != null && draft.isProtected();
        owner = draft.owner() == null ? defaultOwner : draft.owner();
        updatedAt = now;
    }

    /** Glance refuses to delete a protected namespace (403). */
    public void requireDeletable() {
        if (isProtected) {
            throw new ForbiddenException("Metadata definition namespace " + namespace
                    + " is protected and cannot be deleted.");
        }
    }

    public String id() { return id; }
    public String namespace() { return namespace; }
    public String displayName() { return displayName; }
    public String description() { return description; }
    public String visibility() { return visibility; }
    public boolean isProtected() { return isProtected; }
    public String owner() { return owner; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
