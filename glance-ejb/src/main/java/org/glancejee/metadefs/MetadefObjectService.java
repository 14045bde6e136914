package org.glancejee.metadefs;

import org.glancejee.notifications.Notifier;
import org.glancejee.notifications.MetadefPayloads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.service.ImageAuthorization;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** A namespace's objects, under Glance's metadef object rules. */
@Stateless
public class MetadefObjectService {

    @Inject
    Notifier notifier;
    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    NamespaceGuard guard;

    @Inject
    ApiSettings api;

    /** A listing's parameters as given: null where absent. */
    public record ObjectQuery(Integer limit, String marker, String sortKey, String sortDir) {
    }

    /**
     * Objects by name unless a sort is asked for (Glance always lists them by name, ignoring sort, limit and
     * marker; we apply them).
     */
    public List<MetadefObject> list(RequestContext caller, String namespace, ObjectQuery query) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "get_metadef_objects");
        Comparator<NamespaceContent> order = ContentListing.order(query.sortKey(), query.sortDir(), "name", "asc");
        if (query.limit() != null && query.limit() <= 0) {
            throw new InvalidInputException("limit param must be positive");
        }
        int limit = query.limit() == null ? Integer.MAX_VALUE : Math.min(api.apiLimitMax(), query.limit());
        Optional<MetadefObject> marker = query.marker() == null ? Optional.empty()
                : Optional.of(find(ns, query.marker()).orElseThrow(() -> notFound(query.marker())));
        return ContentListing.page(objectsOf(ns).stream().sorted(order).toList(), marker, limit);
    }

    /** For a namespace's show: its objects by name, if the caller may read them. */
    public List<MetadefObject> shownWith(RequestContext caller, MetadefNamespace ns) {
        return guard.allowed("get_metadef_objects", ImageAuthorization.credentials(caller), ns)
                ? objectsOf(ns).stream().sorted(Comparator.comparing(MetadefObject::name)).toList()
                : List.of();
    }

    public MetadefObject show(RequestContext caller, String namespace, String name) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "get_metadef_object");
        return find(ns, name).orElseThrow(() -> notFound(name));
    }

    public MetadefObject add(RequestContext caller, String namespace, ObjectDefinition definition) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "add_metadef_object");
        if (find(ns, definition.name()).isPresent()) {
            throw duplicate(definition.name(), namespace);
        }
        MetadefObject created = MetadefObject.create(ns.id(), definition, Instant.now());
        em.persist(created);
        notifier.info("metadef_object.create", () -> MetadefPayloads.object(namespace, definition, definition.name(),
                created.createdAt(), created.updatedAt()));
        return created;
    }

    /** PUT: the object takes the new definition as a whole, and its new name if the body renames it. */
    public MetadefObject replace(RequestContext caller, String namespace, String name, ObjectDefinition definition) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "modify_metadef_object");
        MetadefObject existing = find(ns, name).orElseThrow(() -> notFound(name));
        if (!definition.name().equals(name) && find(ns, definition.name()).isPresent()) {
            throw new ConflictException("Invalid update. It would result in a duplicate metadata definition object"
                    + " with the same name=" + definition.name() + " in namespace=" + namespace + ".");
        }
        existing.replaceWith(definition, Instant.now());
        notifier.info("metadef_object.update", () -> MetadefPayloads.object(namespace, definition, name,
                existing.createdAt(), existing.updatedAt()));
        return existing;
    }

    public void remove(RequestContext caller, String namespace, String name) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "delete_metadef_object");
        MetadefObject object = find(ns, name).orElseThrow(() -> notFound(name));
        em.remove(object);
        notifier.info("metadef_object.delete", () -> MetadefPayloads.deleted(MetadefPayloads.object(namespace,
                object.definition(), name, object.createdAt(), object.updatedAt()), Instant.now()));
    }

    /** Deletes all of a namespace's objects; Glance asks for the right to delete the namespace. */
    public void removeAll(RequestContext caller, String namespace) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "delete_metadef_namespace");
        removeAllOf(ns);
        notifier.info("metadef_namespace.delete_objects", () -> MetadefPayloads.namespace(ns, namespace));
    }

    /** New objects one microsecond apart, so listings keep the order they were given in. */
    public static List<MetadefObject> inOrder(MetadefNamespace ns, List<ObjectDefinition> definitions, Instant now) {
        return IntStream.range(0, definitions.size())
                .mapToObj(i -> MetadefObject.create(ns.id(), definitions.get(i), now.plusNanos(1000L * i))).toList();
    }

    /** For the namespace service and the loader: the caller has been authorized. */
    public void removeAllOf(MetadefNamespace ns) {
        em.createQuery("DELETE FROM MetadefObject o WHERE o.namespaceId = :ns").setParameter("ns", ns.id())
                .executeUpdate();
    }

    public List<MetadefObject> objectsOf(MetadefNamespace ns) {
        return em.createQuery("SELECT o FROM MetadefObject o WHERE o.namespaceId = :ns", MetadefObject.class)
                .setParameter("ns", ns.id()).getResultList();
    }

    private Optional<MetadefObject> find(MetadefNamespace ns, String name) {
        return em.createQuery("SELECT o FROM MetadefObject o WHERE o.namespaceId = :ns AND o.name = :name",
                MetadefObject.class).setParameter("ns", ns.id()).setParameter("name", name)
                .getResultStream().findFirst();
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("Could not find metadata object " + name);
    }

    private static ConflictException duplicate(String name, String namespace) {
        return new ConflictException("A metadata definition object with name=" + name
                + " already exists in namespace=" + namespace + ".");
    }
}
