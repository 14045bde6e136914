package org.glancejee.metadefs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An object a namespace defines: a named group of property definitions, some required. Stored as Glance
 * stores it: required names comma-separated, the definitions as one JSON document.
 */
@Entity
@Table(name = "metadef_objects")
public class MetadefObject extends NamespaceContent {

    private String description;

    private String required;

    @Column(name = "json_schema")
    private String definitions;

    protected MetadefObject() {
    }

    private MetadefObject(String namespaceId, Instant now) {
        super(namespaceId, now);
    }

    public static MetadefObject create(String namespaceId, ObjectDefinition definition, Instant now) {
        MetadefObject object = new MetadefObject(namespaceId, now);
        object.replaceWith(definition, now);
        return object;
    }

    /** PUT: every field takes the new definition's value; what it leaves out is cleared. */
    public void replaceWith(ObjectDefinition definition, Instant now) {
        name = definition.name();
        description = definition.description();
        required = definition.required() == null || definition.required().isEmpty() ? null
                : String.join(",", definition.required());
        definitions = definition.propertiesText();
        updatedAt = now;
    }

    /** As stored, with every field present: no required names → [], no definitions → {}. */
    public ObjectDefinition definition() {
        List<String> names = required == null || required.isEmpty() ? List.of() : Arrays.asList(required.split(","));
        return new ObjectDefinition(name, description, names, ObjectDefinition.storedProperties(definitions));
    }
}
