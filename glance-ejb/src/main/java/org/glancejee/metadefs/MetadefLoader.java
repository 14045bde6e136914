package org.glancejee.metadefs;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes definition files into the catalogue and reads it back out, one namespace per transaction, with the
 * options of Glance's {@code glance-manage db load_metadefs}: an existing namespace is skipped, unless
 * {@code overwrite} (replaced whole) or {@code merge} (what it lacks is added; with {@code preferNew} what it
 * has takes the file's values too).
 */
@Stateless
public class MetadefLoader {

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    NamespaceGuard guard;

    @Inject
    MetadefService namespaces;

    @Inject
    MetadefObjectService objects;

    @Inject
    MetadefTagService tags;

    @Inject
    MetadefResourceTypeService resourceTypes;

    /** How loading treats a namespace that exists already. */
    public record Options(boolean merge, boolean preferNew, boolean overwrite) {
    }

    /** What loading a file did to its namespace. */
    public enum Outcome { CREATED, REPLACED, MERGED, SKIPPED }

    public Outcome load(MetadefFile file, Options options) {
        Instant now = Instant.now();
        Optional<MetadefNamespace> existing = guard.find(file.namespace().namespace());
        if (existing.isPresent() && options.overwrite()) {
            namespaces.removeContents(existing.get());
            em.remove(existing.get());
            em.flush();
        } else if (existing.isPresent() && !options.merge()) {
            return Outcome.SKIPPED;
        } else if (existing.isPresent()) {
            merge(existing.get(), file, options.preferNew(), now);
            return Outcome.MERGED;
        }
        MetadefNamespace created = MetadefNamespace.create(file.namespace(), MetadefFile.DEFAULT_OWNER, now);
        em.persist(created);
        namespaces.fill(created, file.contents(), true, now);
        return existing.isPresent() ? Outcome.REPLACED : Outcome.CREATED;
    }

    private void merge(MetadefNamespace ns, MetadefFile file, boolean preferNew, Instant now) {
        if (preferNew) {
            ns.replaceWith(file.namespace(), MetadefFile.DEFAULT_OWNER, now);
        }
        List<MetadefResourceTypeService.Association> associated = resourceTypes.associationsOf(ns);
        List<ResourceTypeAssociation.Draft> newAssociations = file.contents().associations().stream()
                .filter(a -> associated.stream().noneMatch(b -> b.name().equals(a.name()))).toList();
        for (ResourceTypeAssociation.Draft association : file.contents().associations()) {
            if (preferNew && !newAssociations.contains(association)) {
                resourceTypes.replace(ns, association, now);
            }
        }
        List<MetadefProperty> properties = namespaces.propertiesOf(ns);
        List<PropertyDefinition> newProperties = new java.util.ArrayList<>();
        for (PropertyDefinition property : file.contents().properties()) {
            Optional<MetadefProperty> found = properties.stream().filter(p -> p.name().equals(property.name()))
                    .findFirst();
            if (found.isEmpty()) {
                newProperties.add(property);
            } else if (preferNew) {
                found.get().replaceWith(property, now);
            }
        }
        List<MetadefObject> presentObjects = objects.objectsOf(ns);
        List<ObjectDefinition> newObjects = new java.util.ArrayList<>();
        for (ObjectDefinition object : file.contents().objects()) {
            Optional<MetadefObject> found = presentObjects.stream().filter(o -> o.name().equals(object.name()))
                    .findFirst();
            if (found.isEmpty()) {
                newObjects.add(object);
            } else if (preferNew) {
                found.get().replaceWith(object, now);
            }
        }
        Set<String> presentTags = new HashSet<>();
        tags.tagsOf(ns).forEach(t -> presentTags.add(t.name().toLowerCase(Locale.ROOT)));
        List<String> newTags = file.contents().tags().stream()
                .filter(t -> !presentTags.contains(t.toLowerCase(Locale.ROOT))).toList();
        namespaces.fill(ns, new MetadefService.Contents(newProperties, newObjects, newTags, newAssociations), true,
                now);
    }

    /** Every namespace as a definition file, keyed by namespace name. */
    public java.util.Map<String, JsonObject> export() {
        java.util.Map<String, JsonObject> files = new java.util.LinkedHashMap<>();
        em.createQuery("SELECT n FROM MetadefNamespace n ORDER BY n.namespace", MetadefNamespace.class)
                .getResultList().forEach(ns -> files.put(ns.namespace(), MetadefFile.toJson(ns,
                        resourceTypes.associationsOf(ns), namespaces.propertiesOf(ns),
                        objects.objectsOf(ns).stream().sorted(java.util.Comparator.comparing(MetadefObject::name))
                                .toList(),
                        tags.tagsOf(ns).stream().sorted(java.util.Comparator.comparing(MetadefTag::createdAt)).toList())));
        return files;
    }

    /** Glance's {@code db unload_metadefs}: the whole catalogue goes, resource types included. */
    public int unload() {
        List<MetadefNamespace> all = em.createQuery("SELECT n FROM MetadefNamespace n", MetadefNamespace.class)
                .getResultList();
        for (MetadefNamespace ns : all) {
            namespaces.removeContents(ns);
            em.remove(ns);
        }
        em.createQuery("DELETE FROM MetadefResourceType t").executeUpdate();
        return all.size();
    }

    /** True when the catalogue holds nothing at all: no namespace and no resource type. */
    public boolean isEmpty() {
        return em.createQuery("SELECT COUNT(n) FROM MetadefNamespace n", Long.class).getSingleResult() == 0
                && em.createQuery("SELECT COUNT(t) FROM MetadefResourceType t", Long.class).getSingleResult() == 0;
    }
}
