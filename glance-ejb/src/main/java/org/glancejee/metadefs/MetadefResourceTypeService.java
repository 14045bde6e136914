package org.glancejee.metadefs;

import org.glancejee.notifications.Notifier;
import org.glancejee.notifications.MetadefPayloads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.policy.Credentials;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.policy.PolicyTargets;
import org.glancejee.service.ImageAuthorization;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resource types and the namespaces associated with them, under Glance's metadef rules. */
@Stateless
public class MetadefResourceTypeService {

    @Inject
    Notifier notifier;

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    PolicyEnforcer policy;

    @Inject
    NamespaceGuard guard;

    /** An association as the API shows it: with its resource type's name. */
    public record Association(String name, String prefix, String propertiesTarget, Instant createdAt,
                              Instant updatedAt) {
    }

    /** Every resource type known, whether or not a namespace is associated with it now. */
    public List<MetadefResourceType> list(RequestContext caller) {
        Credentials credentials = ImageAuthorization.credentials(caller);
        if (!policy.allowed("list_metadef_resource_types", credentials, PolicyTargets.ownProject(caller.projectId()))) {
            throw NamespaceGuard.refused("list_metadef_resource_types");
        }
        return em.createQuery("SELECT t FROM MetadefResourceType t", MetadefResourceType.class).getResultList()
                .stream().sorted(Comparator.comparing(MetadefResourceType::createdAt)
                        .thenComparing(MetadefResourceType::name)).toList();
    }

    public List<Association> associations(RequestContext caller, String namespace) {
        return associationsOf(guard.guarded(caller, namespace, "list_metadef_resource_types"));
    }

    /** For a namespace's show and listing: its associations, if the caller may read them. */
    public List<Association> shownWith(RequestContext caller, MetadefNamespace ns) {
        return guard.allowed("list_metadef_resource_types", ImageAuthorization.credentials(caller), ns)
                ? associationsOf(ns) : List.of();
    }

    /** Associates a namespace with a resource type, creating the type if it is new. */
    public Association associate(RequestContext caller, String namespace, ResourceTypeAssociation.Draft draft) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "add_metadef_resource_type_association");
        Association association = associate(ns, draft, false, Instant.now());
        notifier.info("metadef_resource_type.create", () -> MetadefPayloads.association(namespace, association.name(),
                association.prefix(), association.propertiesTarget(), association.createdAt(),
                association.updatedAt()));
        return association;
    }

    /** For the namespace service and the loader: the caller has been authorized. */
    public Association associate(MetadefNamespace ns, ResourceTypeAssociation.Draft draft, boolean protectNewType,
                          Instant now) {
        MetadefResourceType type = findType(draft.name()).orElseGet(() -> {
            MetadefResourceType created = MetadefResourceType.create(draft.name(), protectNewType, now);
            em.persist(created);
            return created;
        });
        if (em.find(ResourceTypeAssociation.class, new ResourceTypeAssociation.Key(type.id(), ns.id())) != null) {
            throw new ConflictException("The metadata definition resource-type association of resource-type="
                    + draft.name() + " to namespace=" + ns.namespace() + " already exists.");
        }
        ResourceTypeAssociation association = ResourceTypeAssociation.create(type, ns.id(), draft, now);
        em.persist(association);
        return view(type, association);
    }

    /** For the loader: an existing association takes the draft's prefix and properties target. */
    public void replace(MetadefNamespace ns, ResourceTypeAssociation.Draft draft, Instant now) {
        findType(draft.name()).ifPresent(type -> {
            type.touch(now);
            ResourceTypeAssociation association = em.find(ResourceTypeAssociation.class,
                    new ResourceTypeAssociation.Key(type.id(), ns.id()));
            if (association != null) {
                association.replaceWith(draft, now);
            }
        });
    }

    public void dissociate(RequestContext caller, String namespace, String resourceType) {
        MetadefNamespace ns = guard.guarded(caller, namespace, "remove_metadef_resource_type_association");
        ResourceTypeAssociation association = findType(resourceType)
                .map(t -> em.find(ResourceTypeAssociation.class, new ResourceTypeAssociation.Key(t.id(), ns.id())))
                .orElseThrow(() -> new NotFoundException("Failed to find resource type " + resourceType
                        + " to delete"));
        em.remove(association);
        notifier.info("metadef_resource_type.delete", () -> MetadefPayloads.deleted(MetadefPayloads.association(namespace,
                resourceType, association.prefix(), association.propertiesTarget(), association.createdAt(),
                association.updatedAt()), Instant.now()));
    }

    /** The prefix a namespace's properties take on a resource type; 404 when it is not associated with it. */
    public Optional<String> prefix(RequestContext caller, MetadefNamespace ns, String resourceType) {
        if (!guard.allowed("get_metadef_resource_type", ImageAuthorization.credentials(caller), ns)) {
            throw NamespaceGuard.refused("get_metadef_resource_type");
        }
        return associationsOf(ns).stream().filter(a -> a.name().equals(resourceType)).findFirst()
                .map(a -> Optional.ofNullable(a.prefix()))
                .orElseThrow(() -> new NotFoundException("The metadata definition resource-type association of"
                        + " resource-type=" + resourceType + " to namespace=" + ns.namespace() + ", was not found."));
    }

    /** The ids of the namespaces associated with any of these resource types. */
    public Set<String> namespacesFor(Collection<String> resourceTypes) {
        if (resourceTypes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("SELECT a.namespaceId FROM ResourceTypeAssociation a, MetadefResourceType t"
                        + " WHERE a.resourceTypeId = t.id AND t.name IN :names", String.class)
                .setParameter("names", resourceTypes).getResultList());
    }

    public void removeAllOf(MetadefNamespace ns) {
        em.createQuery("DELETE FROM ResourceTypeAssociation a WHERE a.namespaceId = :ns").setParameter("ns", ns.id())
                .executeUpdate();
    }

    public List<Association> associationsOf(MetadefNamespace ns) {
        List<ResourceTypeAssociation> associations = em.createQuery(
                        "SELECT a FROM ResourceTypeAssociation a WHERE a.namespaceId = :ns", ResourceTypeAssociation.class)
                .setParameter("ns", ns.id()).getResultList();
        if (associations.isEmpty()) {
            return List.of();
        }
        Map<String, MetadefResourceType> types = em.createQuery(
                        "SELECT t FROM MetadefResourceType t WHERE t.id IN :ids", MetadefResourceType.class)
                .setParameter("ids", associations.stream().map(ResourceTypeAssociation::resourceTypeId).toList())
                .getResultStream().collect(Collectors.toMap(MetadefResourceType::id, Function.identity()));
        return associations.stream().sorted(Comparator.comparing(ResourceTypeAssociation::createdAt))
                .map(a -> view(types.get(a.resourceTypeId()), a)).toList();
    }

    private Optional<MetadefResourceType> findType(String name) {
        return em.createQuery("SELECT t FROM MetadefResourceType t WHERE t.name = :name", MetadefResourceType.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static Association view(MetadefResourceType type, ResourceTypeAssociation association) {
        return new Association(type.name(), association.prefix(), association.propertiesTarget(),
                association.createdAt(), association.updatedAt());
    }
}
