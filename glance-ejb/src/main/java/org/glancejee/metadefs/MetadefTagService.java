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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A namespace's tags, under Glance's metadef tag rules. */
@Stateless
public class MetadefTagService {

    @Inject
    Notifier notifier;
    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    NamespaceGuard guard;

    @Inject
    ApiSettings api;

    /** A listing's parameters as given: null where absent. */
    public record TagQuery(Integer limit, String marker, String sortKey, String sortDir) {
    }

    public List<MetadefTag> list(RequestContext caller, String namespace, TagQuery query) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "get_metadef_tags");
        Comparator<NamespaceContent> order = ContentListing.order(query.sortKey(), query.sortDir(), "created_at", "desc");
        int limit = query.limit() == null ? api.limitParamDefault() : Math.min(api.apiLimitMax(), query.limit());
        if (limit < 0) {
            throw new InvalidInputException("limit param must be positive");
        }
        Optional<MetadefTag> marker = query.marker() == null ? Optional.empty()
                : Optional.of(find(ns, query.marker()).orElseThrow(() -> notFound(query.marker())));
        return ContentListing.page(tagsOf(ns).stream().sorted(order).toList(), marker, limit);
    }

    /** For a namespace's show: its tags, newest first, if the caller may read them. */
    public List<MetadefTag> shownWith(RequestContext caller, MetadefNamespace ns) {
        return guard.allowed("get_metadef_tags", ImageAuthorization.credentials(caller), ns)
                ? tagsOf(ns).stream().sorted(Comparator.comparing(MetadefTag::createdAt).reversed()).toList()
                : List.of();
    }

    public MetadefTag show(RequestContext caller, String namespace, String name) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "get_metadef_tag");
        return find(ns, name).orElseThrow(() -> notFound(name));
    }

    public MetadefTag add(RequestContext caller, String namespace, String name) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "add_metadef_tag");
        MetadefTag.requireValidName(name);
        if (find(ns, name).isPresent()) {
            throw duplicate(name, namespace);
        }
        MetadefTag tag = MetadefTag.create(ns.id(), name, Instant.now());
        em.persist(tag);
        notifier.info("metadef_tag.create", () -> MetadefPayloads.named(namespace, name, name, tag.createdAt(),
                tag.updatedAt()));
        return tag;
    }

    /** POST .../tags: the namespace's tags become these, or gain them with {@code append}; all or nothing. */
    public List<MetadefTag> addAll(RequestContext caller, String namespace, List<String> names, boolean append) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "add_metadef_tags");
        Set<String> seen = new HashSet<>();
        if (append) {
            tagsOf(ns).forEach(t -> seen.add(t.name().toLowerCase(Locale.ROOT)));
        }
        for (String name : names) {
            MetadefTag.requireValidName(name);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw duplicate(name, namespace);
            }
        }
        if (!append) {
            removeAllOf(ns);
            em.flush();
        }
        List<MetadefTag> created = inOrder(ns, names);
        created.forEach(em::persist);
        created.forEach(tag -> notifier.info("metadef_tag.create", () -> MetadefPayloads.named(namespace, tag.name(),
                tag.name(), tag.createdAt(), tag.updatedAt())));
        return created;
    }

    public MetadefTag rename(RequestContext caller, String namespace, String name, String newName) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "modify_metadef_tag");
        MetadefTag tag = find(ns, name).orElseThrow(() -> notFound(name));
        if (!newName.equalsIgnoreCase(name) && find(ns, newName).isPresent()) {
            throw duplicate(newName, namespace);
        }
        tag.rename(newName, Instant.now());
        notifier.info("metadef_tag.update", () -> MetadefPayloads.named(namespace, newName, name, tag.createdAt(),
                tag.updatedAt()));
        return tag;
    }

    public void remove(RequestContext caller, String namespace, String name) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "delete_metadef_tag");
        MetadefTag tag = find(ns, name).orElseThrow(() -> notFound(name));
        em.remove(tag);
        notifier.info("metadef_tag.delete", () -> MetadefPayloads.deleted(MetadefPayloads.named(namespace, tag.name(),
                tag.name(), tag.createdAt(), tag.updatedAt()), Instant.now()));
    }

    public void removeAll(RequestContext caller, String namespace) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "delete_metadef_tags");
        removeAllOf(ns);
        notifier.info("metadef_namespace.delete_tags", () -> MetadefPayloads.namespace(ns, namespace));
    }

    /**
     * New tags one microsecond apart (the database's precision), so listings keep the order they were given in,
     * as the ids of Glance's rows keep it.
     */
    static List<MetadefTag> inOrder(MetadefNamespace ns, List<String> names) {
        Instant now = Instant.now();
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> MetadefTag.create(ns.id(), names.get(i), now.plusNanos(1000L * i))).toList();
    }

    public void removeAllOf(MetadefNamespace ns) {
        em.createQuery("DELETE FROM MetadefTag t WHERE t.namespaceId = :ns").setParameter("ns", ns.id())
                .executeUpdate();
    }

    public List<MetadefTag> tagsOf(MetadefNamespace ns) {
        return em.createQuery("SELECT t FROM MetadefTag t WHERE t.namespaceId = :ns", MetadefTag.class)
                .setParameter("ns", ns.id()).getResultList();
    }

    private Optional<MetadefTag> find(MetadefNamespace ns, String name) {
        return tagsOf(ns).stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("Could not find metadata tag " + name);
    }

    private static ConflictException duplicate(String name, String namespace) {
        return new ConflictException("A metadata tag with name=" + name + " already exists in namespace="
                + namespace + ". (Please note that metadata tag names are case insensitive).");
    }
}
