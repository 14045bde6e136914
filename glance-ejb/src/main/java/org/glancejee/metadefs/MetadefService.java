package org.glancejee.metadefs;

import org.glancejee.notifications.Notifier;
import org.glancejee.notifications.MetadefPayloads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.policy.Credentials;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.policy.PolicyTargets;
import org.glancejee.service.ImageAuthorization;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata definitions namespaces' use cases, authorized by Glance's metadef rules: anyone with a role may
 * read public namespaces and their own project's; only metadef_admin (admin) creates, changes and deletes. A
 * namespace the caller may not read answers 404, as if it did not exist.
 */
@Stateless
public class MetadefService {

    @Inject
    Notifier notifier;
    private static final Map<String, Comparator<MetadefNamespace>> SORT_KEYS = Map.of(
            "created_at", Comparator.comparing(MetadefNamespace::createdAt),
            "updated_at", Comparator.comparing(MetadefNamespace::updatedAt),
            "namespace", Comparator.comparing(MetadefNamespace::namespace));

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    PolicyEnforcer policy;

    @Inject
    ApiSettings api;

    @Inject
    NamespaceGuard guard;

    @Inject
    MetadefObjectService objects;

    @Inject
    MetadefTagService tags;

    @Inject
    MetadefResourceTypeService resourceTypes;

    /** What a namespace body may define along with the namespace; each list empty when absent. */
    public record Contents(List<PropertyDefinition> properties, List<ObjectDefinition> objects, List<String> tags,
                           List<ResourceTypeAssociation.Draft> associations) {
        public static Contents none() {
            return new Contents(List.of(), List.of(), List.of(), List.of());
        }
    }

    /** One page of a listing; {@code next} is the marker of the following page, if there may be one. */
    public record NamespacePage(List<MetadefNamespace> namespaces, Optional<String> next) {
    }

    /** A listing's parameters as given: null where absent. */
    public record NamespaceQuery(Integer limit, String marker, String sortKey, String sortDir, String visibility,
                                 List<String> resourceTypes) {
    }

    public NamespacePage list(RequestContext caller, NamespaceQuery query) {
        Credentials credentials = ImageAuthorization.credentials(caller);
        enforceForProject("get_metadef_namespaces", caller, credentials);
        String sortDir = query.sortDir() == null ? "desc" : query.sortDir();
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw new InvalidInputException("Invalid sort direction: " + sortDir);
        }
        String sortKey = query.sortKey() == null ? "created_at" : query.sortKey();
        Comparator<MetadefNamespace> order = Optional.ofNullable(SORT_KEYS.get(sortKey)).orElseThrow(() ->
                new InvalidInputException("Invalid sort key: " + sortKey));
        order = order.thenComparing(MetadefNamespace::id);
        if (sortDir.equals("desc")) {
            order = order.reversed();
        }
        if (query.visibility() != null && !MetadefNamespace.VISIBILITIES.contains(query.visibility())) {
            throw new InvalidInputException("Invalid visibility value: " + query.visibility());
        }
        int limit = query.limit() == null ? api.limitParamDefault() : Math.min(api.apiLimitMax(), query.limit());
        if (limit < 0) {
            throw new InvalidInputException("limit param must be positive");
        }
        java.util.Set<String> ofResourceTypes = query.resourceTypes() == null ? null
                : resourceTypes.namespacesFor(query.resourceTypes());
        List<MetadefNamespace> readable = em.createQuery("SELECT n FROM MetadefNamespace n", MetadefNamespace.class)
                .getResultList().stream()
                .filter(n -> query.visibility() == null || n.visibility().equals(query.visibility()))
                .filter(n -> ofResourceTypes == null || ofResourceTypes.contains(n.id()))
                .filter(n -> guard.mayRead(credentials, n))
                .sorted(order).toList();
        int start = 0;
        if (query.marker() != null) {
            MetadefNamespace marker = readable(caller, query.marker());
            start = readable.indexOf(marker) + 1;
        }
        List<MetadefNamespace> page = readable.subList(Math.min(start, readable.size()),
                Math.min(readable.size(), start + limit));
        Optional<String> next = !page.isEmpty() && page.size() == limit
                ? Optional.of(page.get(page.size() - 1).namespace()) : Optional.empty();
        return new NamespacePage(page, next);
    }

    /** A namespace the caller may read; 404 otherwise. */
    public MetadefNamespace show(RequestContext caller, String namespace) {
        return readable(caller, namespace);
    }

    /** Creates a namespace, with the properties, objects, tags and resource type associations its body defines. */
    public MetadefNamespace create(RequestContext caller, MetadefNamespace.Draft draft, Contents contents) {
        Credentials credentials = ImageAuthorization.credentials(caller);
        String owner = draft.owner() == null ? caller.projectId() : draft.owner();
        Map<String, Object> target = PolicyTargets.metadefNamespace(owner,
                draft.visibility() == null ? "private" : draft.visibility());
        if (!policy.allowed("add_metadef_namespace", credentials, target)) {
            throw refused("add_metadef_namespace");
        }
        requireAllowed(!contents.associations().isEmpty(), "add_metadef_resource_type_association", credentials,
                target);
        requireAllowed(!contents.objects().isEmpty(), "add_metadef_object", credentials, target);
        requireAllowed(!contents.properties().isEmpty(), "add_metadef_property", credentials, target);
        requireAllowed(!contents.tags().isEmpty(), "add_metadef_tags", credentials, target);
        if (draft.namespace() != null && guard.find(draft.namespace()).isPresent()) {
            throw duplicate(draft.namespace());
        }
        requireDistinct(draft.namespace(), contents);
        Instant now = Instant.now();
        MetadefNamespace created = MetadefNamespace.create(draft, caller.projectId(), now);
        em.persist(created);
        fill(created, contents, false, now);
        notifier.info("metadef_namespace.create", () -> MetadefPayloads.namespace(created, created.namespace()));
        return created;
    }

    /** Adds what a namespace body defines to a namespace: all of it new there (checked by the caller). */
    public void fill(MetadefNamespace ns, Contents contents, boolean protectNewResourceTypes, Instant now) {
        for (int i = 0; i < contents.associations().size(); i++) {
            resourceTypes.associate(ns, contents.associations().get(i), protectNewResourceTypes,
                    now.plusNanos(1000L * i));
        }
        MetadefObjectService.inOrder(ns, contents.objects(), now).forEach(em::persist);
        contents.properties().forEach(p -> em.persist(MetadefProperty.create(ns.id(), p, now)));
        MetadefTagService.inOrder(ns, contents.tags()).forEach(em::persist);
    }

    /** A namespace body names each property, object, tag (case-insensitively) and resource type once. */
    static void requireDistinct(String namespace, Contents contents) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String tag : contents.tags()) {
            MetadefTag.requireValidName(tag);
            if (!seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                throw new ConflictException("A metadata tag with name=" + tag + " already exists in namespace="
                        + namespace + ". (Please note that metadata tag names are case insensitive).");
            }
        }
        seen.clear();
        for (ObjectDefinition object : contents.objects()) {
            if (!seen.add(object.name())) {
                throw new ConflictException("A metadata definition object with name=" + object.name()
                        + " already exists in namespace=" + namespace + ".");
            }
        }
        seen.clear();
        for (ResourceTypeAssociation.Draft association : contents.associations()) {
            if (!seen.add(association.name())) {
                throw new ConflictException("The metadata definition resource-type association of resource-type="
                        + association.name() + " to namespace=" + namespace + " already exists.");
            }
        }
    }

    private void requireAllowed(boolean needed, String rule, Credentials credentials, Map<String, Object> target) {
        if (needed && !policy.allowed(rule, credentials, target)) {
            throw refused(rule);
        }
    }

    /** PUT: the namespace takes the draft as a whole (Glance's defaults for what it leaves out). */
    public MetadefNamespace update(RequestContext caller, String namespace, MetadefNamespace.Draft draft) {
        MetadefNamespace existing = guard.guarded(caller, namespace, "modify_metadef_namespace");
        if (draft.namespace() != null && !draft.namespace().equals(namespace)
                && guard.find(draft.namespace()).isPresent()) {
            throw duplicate(draft.namespace());
        }
        existing.replaceWith(draft, caller.projectId(), Instant.now());
        notifier.info("metadef_namespace.update", () -> MetadefPayloads.namespace(existing, namespace));
        return existing;
    }

    public void delete(RequestContext caller, String namespace) {
        MetadefNamespace existing = guard.guarded(caller, namespace, "delete_metadef_namespace");
        existing.requireDeletable();
        removeContents(existing);
        em.remove(existing);
        notifier.info("metadef_namespace.delete",
                () -> MetadefPayloads.deleted(MetadefPayloads.namespace(existing, namespace), Instant.now()));
    }

    /** A namespace's properties, by name. */
    public List<MetadefProperty> properties(RequestContext caller, String namespace) {
        return propertiesOf(guard.guarded(caller, namespace, "get_metadef_properties"));
    }

    /**
     * A property; with a resource type, {@code name} is the property's name as that resource knows it (with the
     * association's prefix), and the property is found without it.
     */
    public MetadefProperty property(RequestContext caller, String namespace, String name, String resourceType) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "get_metadef_property");
        String ownName = name;
        if (resourceType != null) {
            String prefix = resourceTypes.prefix(caller, ns, resourceType).orElse(null);
            if (prefix == null || !name.startsWith(prefix)) {
                throw new NotFoundException("Property " + name + " does not start with the expected resource type"
                        + " association prefix of '" + (prefix == null ? "None" : prefix) + "'.");
            }
            ownName = name.substring(prefix.length());
        }
        String found = ownName;
        return findProperty(ns, ownName).orElseThrow(() -> new NotFoundException("Could not find property " + found));
    }

    public MetadefProperty addProperty(RequestContext caller, String namespace, PropertyDefinition definition) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "add_metadef_property");
        if (findProperty(ns, definition.name()).isPresent()) {
            throw duplicateProperty(definition.name(), namespace);
        }
        MetadefProperty created = MetadefProperty.create(ns.id(), definition, Instant.now());
        em.persist(created);
        notifier.info("metadef_property.create", () -> MetadefPayloads.property(namespace, definition, definition.name()));
        return created;
    }

    /** PUT: the property takes the new definition, and its new name if the body renames it. */
    public MetadefProperty replaceProperty(RequestContext caller, String namespace, String name,
                                           PropertyDefinition definition) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "modify_metadef_property");
        MetadefProperty existing = findProperty(ns, name).orElseThrow(() ->
                new NotFoundException("Could not find property " + name));
        if (!definition.name().equals(name) && findProperty(ns, definition.name()).isPresent()) {
            throw duplicateProperty(definition.name(), namespace);
        }
        existing.replaceWith(definition, Instant.now());
        notifier.info("metadef_property.update", () -> MetadefPayloads.property(namespace, definition, name));
        return existing;
    }

    public void removeProperty(RequestContext caller, String namespace, String name) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "remove_metadef_property");
        MetadefProperty property = findProperty(ns, name)
                .orElseThrow(() -> new NotFoundException("Could not find property " + name));
        em.remove(property);
        notifier.info("metadef_property.delete", () -> MetadefPayloads.deleted(
                MetadefPayloads.property(namespace, property.definition(), name), Instant.now()));
    }

    /** Deletes all of a namespace's properties; Glance asks for the right to delete the namespace. */
    public void removeProperties(RequestContext caller, String namespace) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "delete_metadef_namespace");
        removeAllProperties(ns);
        notifier.info("metadef_namespace.delete_properties", () -> MetadefPayloads.namespace(ns, namespace));
    }

    /** Everything a namespace holds: properties, objects, tags and resource type associations. */
    public void removeContents(MetadefNamespace ns) {
        removeAllProperties(ns);
        objects.removeAllOf(ns);
        tags.removeAllOf(ns);
        resourceTypes.removeAllOf(ns);
    }

    private void removeAllProperties(MetadefNamespace ns) {
        em.createQuery("DELETE FROM MetadefProperty p WHERE p.namespaceId = :ns").setParameter("ns", ns.id())
                .executeUpdate();
    }

    public List<MetadefProperty> propertiesOf(MetadefNamespace ns) {
        return em.createQuery("SELECT p FROM MetadefProperty p WHERE p.namespaceId = :ns ORDER BY p.name",
                MetadefProperty.class).setParameter("ns", ns.id()).getResultList();
    }

    /** For a namespace's show: its properties, if the caller may read them. */
    public List<MetadefProperty> propertiesShownWith(RequestContext caller, MetadefNamespace ns) {
        return guard.allowed("get_metadef_properties", ImageAuthorization.credentials(caller), ns)
                ? propertiesOf(ns) : List.of();
    }

    private Optional<MetadefProperty> findProperty(MetadefNamespace ns, String name) {
        return em.createQuery("SELECT p FROM MetadefProperty p WHERE p.namespaceId = :ns AND p.name = :name",
                        MetadefProperty.class)
                .setParameter("ns", ns.id()).setParameter("name", name).getResultStream().findFirst();
    }

    private static ConflictException duplicateProperty(String name, String namespace) {
        return new ConflictException("A metadata definition property with name=" + name
                + " already exists in namespace=" + namespace + ".");
    }

    private MetadefNamespace readable(RequestContext caller, String namespace) {
        return guard.find(namespace).filter(n -> guard.mayRead(ImageAuthorization.credentials(caller), n))
                .orElseThrow(() -> new NotFoundException("Metadata definition namespace=" + namespace
                        + " was not found."));
    }

    private void enforceForProject(String rule, RequestContext caller, Credentials credentials) {
        if (!policy.allowed(rule, credentials, PolicyTargets.ownProject(caller.projectId()))) {
            throw refused(rule);
        }
    }

    private static ForbiddenException refused(String rule) {
        return NamespaceGuard.refused(rule);
    }

    private static ConflictException duplicate(String namespace) {
        return new ConflictException("The metadata definition namespace=" + namespace + " already exists.");
    }
}
