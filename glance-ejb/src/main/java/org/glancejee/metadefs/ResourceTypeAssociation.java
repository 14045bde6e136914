package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A namespace applied to a resource type: the prefix its property names take on that resource (hw_ on
 * images, hw: on flavors) and, where the resource has several kinds of metadata, which one they go to.
 */
@Entity
@Table(name = "metadef_namespace_resource_types")
@IdClass(ResourceTypeAssociation.Key.class)
public class ResourceTypeAssociation {

    @Id
    @Column(name = "resource_type_id", length = 36)
    private String resourceTypeId;

    @Id
    @Column(name = "namespace_id", length = 36)
    private String namespaceId;

    private String prefix;

    @Column(name = "properties_target")
    private String propertiesTarget;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** What a caller gives: the resource type's name, and the optional prefix and properties target. */
    public record Draft(String name, String prefix, String propertiesTarget) {
    }

    protected ResourceTypeAssociation() {
    }

    static ResourceTypeAssociation create(MetadefResourceType type, String namespaceId, Draft draft, Instant now) {
        ResourceTypeAssociation association = new ResourceTypeAssociation();
        association.resourceTypeId = type.id();
        association.namespaceId = namespaceId;
        association.createdAt = now;
        association.replaceWith(draft, now);
        return association;
    }

    void replaceWith(Draft draft, Instant now) {
        prefix = draft.prefix();
        propertiesTarget = draft.propertiesTarget();
        updatedAt = now;
    }

    public String resourceTypeId() { return resourceTypeId; }
    public String namespaceId() { return namespaceId; }
    public String prefix() { return prefix; }
    public String propertiesTarget() { return propertiesTarget; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    /** The composite key: one association per namespace and resource type. */
    public static class Key implements Serializable {
        private String resourceTypeId;
        private String namespaceId;

        public Key() {
        }

        public Key(String resourceTypeId, String namespaceId) {
            this.resourceTypeId = resourceTypeId;
            this.namespaceId = namespaceId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(resourceTypeId, key.resourceTypeId)
                    && Objects.equals(namespaceId, key.namespaceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resourceTypeId, namespaceId);
        }
    }
}
