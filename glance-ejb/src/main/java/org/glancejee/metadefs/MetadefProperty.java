package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A property a namespace defines: its name and its definition, a JSON-Schema fragment kept as text. */
@Entity
@Table(name = "metadef_properties")
public class MetadefProperty {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "namespace_id")
    private String namespaceId;

    private String name;

    @Column(name = "json_schema")
    private String definition;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected MetadefProperty() {
    }

    public static MetadefProperty create(String namespaceId, PropertyDefinition definition, Instant now) {
        MetadefProperty property = new MetadefProperty();
        property.id = UUID.randomUUID().toString();
        property.namespaceId = namespaceId;
        property.createdAt = now;
        property.replaceWith(definition, now);
        return property;
    }

    public void replaceWith(PropertyDefinition definition, Instant now) {
        name = definition.name();
        this.definition = definition.schemaText();
        updatedAt = now;
    }

    public String name() { return name; }
    public String namespaceId() { return namespaceId; }

    /** The definition as given, without its name. */
    public PropertyDefinition definition() {
        return PropertyDefinition.stored(name, definition);
    }
}
