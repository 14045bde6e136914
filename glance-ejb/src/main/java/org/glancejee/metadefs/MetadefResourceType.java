package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A kind of resource namespaces apply to (OS::Glance::Image, OS::Nova::Flavor…). Created when a namespace
 * is first associated with it; loaded definition files create theirs protected, as Glance's loader does.
 */
@Entity
@Table(name = "metadef_resource_types")
public class MetadefResourceType {

    @Id
    @Column(length = 36)
    private String id;

    private String name;

    @Column(name = "is_protected")
    private boolean isProtected;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected MetadefResourceType() {
    }

    public static MetadefResourceType create(String name, boolean isProtected, Instant now) {
        MetadefResourceType type = new MetadefResourceType();
        type.id = UUID.randomUUID().toString();
        type.name = name;
        type.isProtected = isProtected;
        type.createdAt = now;
        type.updatedAt = now;
        return type;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    public String id() { return id; }
    public String name() { return name; }
    public boolean isProtected() { return isProtected; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
