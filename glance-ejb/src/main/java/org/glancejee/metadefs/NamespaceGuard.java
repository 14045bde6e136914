package org.glancejee.metadefs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.policy.Credentials;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.policy.PolicyTargets;
import org.glancejee.service.ImageAuthorization;

import java.util.Optional;

/**
 * Finds namespaces and applies Glance's metadef rules to them: a namespace the caller may not read does not
 * exist for it (404); one it may read but not act on as asked answers 403.
 */
@ApplicationScoped
class NamespaceGuard {

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    PolicyEnforcer policy;

    /** The namespace, for a rule: 404 "Namespace X not found" if the caller may not read it, 403 without the rule. */
    MetadefNamespace guarded(RequestContext caller, String namespace, String rule) {
        Credentials credentials = ImageAuthorization.credentials(caller);
        MetadefNamespace existing = find(namespace).filter(n -> mayRead(credentials, n))
                .orElseThrow(() -> new NotFoundException("Namespace " + namespace + " not found"));
        if (!allowed(rule, credentials, existing)) {
            throw refused(rule);
        }
        return existing;
    }

    Optional<MetadefNamespace> find(String namespace) {
        return em.createQuery("SELECT n FROM MetadefNamespace n WHERE n.namespace = :ns", MetadefNamespace.class)
                .setParameter("ns", namespace).getResultStream().findFirst();
    }

    boolean mayRead(Credentials credentials, MetadefNamespace namespace) {
        return allowed("get_metadef_namespace", credentials, namespace);
    }

    boolean allowed(String rule, Credentials credentials, MetadefNamespace namespace) {
        return policy.allowed(rule, credentials, PolicyTargets.metadefNamespace(namespace.owner(),
                namespace.visibility()));
    }

    static ForbiddenException refused(String rule) {
        return new ForbiddenException("You are not authorized to complete " + rule + " action.");
    }
}
