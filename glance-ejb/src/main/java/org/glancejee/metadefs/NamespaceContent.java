package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/** What a namespace holds by name (properties, tags, objects): its row's id, namespace, name and times. */
@MappedSuperclass
public abstract class NamespaceContent {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "namespace_id")
    private String namespaceId;

    @Column(name = "name")
    protected String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    protected Instant updatedAt;

    protected NamespaceContent() {
    }

    protected NamespaceContent(String namespaceId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.namespaceId = namespaceId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String namespaceId() { return namespaceId; }
    public String name() { return name; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
