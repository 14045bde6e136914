package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A property a namespace defines: its name and its definition, a JSON-Schema fragment kept as text. */
@Entity
@Table(name = "metadef_properties")
public class MetadefProperty extends NamespaceContent {

    @Column(name = "json_schema")
    private String definition;

    protected MetadefProperty() {
    }

    private MetadefProperty(String namespaceId, Instant now) {
        super(namespaceId, now);
    }

    public static MetadefProperty create(String namespaceId, PropertyDefinition definition, Instant now) {
        MetadefProperty property = new MetadefProperty(namespaceId, now);
        property.replaceWith(definition, now);
        return property;
    }

    public void replaceWith(PropertyDefinition definition, Instant now) {
        name = definition.name();
        this.definition = definition.schemaText();
        updatedAt = now;
    }

    /** The definition as given, without its name. */
    public PropertyDefinition definition() {
        return PropertyDefinition.stored(name, definition);
    }
}
