package org.glancejee.web.context;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.AuthSettings;
import org.glancejee.domain.RequestContext;
import org.glancejee.identity.IdentityUnavailableException;
import org.glancejee.identity.InvalidTokenException;
import org.glancejee.identity.TokenValidator;
import org.glancejee.identity.ValidatedToken;
import org.glancejee.policy.Credentials;
import org.glancejee.policy.PolicyEnforcer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns a request's credentials into the {@link RequestContext} it acts with, by the configured
 * {@code auth_strategy}. Keystone mode reads only tokens (never identity headers a client could forge):
 * {@code X-Auth-Token} for the caller and, as keystonemiddleware does, an optional {@code X-Service-Token}
 * whose roles are kept as service roles. The caller is an admin when the policy's
 * {@code context_is_admin} rule says so, as in Glance.
 */
@ApplicationScoped
public class CallerIdentification {
    private static final Logger LOG = Logger.getLogger(CallerIdentification.class.getName());

    /** Why a request gets no context; the filter turns it into the response. */
    public static final class Refusal extends Exception {
        final int status;
        final String detail;

        Refusal(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.detail = detail;
        }
    }

    @Inject
    AuthSettings auth;

    @Inject
    TokenValidator tokens;

    @Inject
    PolicyEnforcer policy;

    RequestContext identify(String userToken, String serviceToken, String localAddress, String requestId)
            throws Refusal {
        if (auth.keystone()) {
            return fromKeystone(userToken, serviceToken, requestId);
        }
        if (!auth.noauthAllowRemote() && !loopback(localAddress)) {
            throw new Refusal(403, "This server runs with auth_strategy noauth, which serves loopback addresses"
                    + " only; set glance.noauth.allow_remote=true to serve others.");
        }
        return new RequestContext(auth.noauthProjectId().orElse(null), null, Set.of("admin"), true, requestId);
    }

    String wwwAuthenticate() {
        return "Keystone uri=\"" + auth.wwwAuthenticateUri() + "\"";
    }

    private RequestContext fromKeystone(String userToken, String serviceToken, String requestId) throws Refusal {
        if (userToken == null || userToken.isBlank()) {
            throw new Refusal(401, null);
        }
        try {
            Set<String> serviceRoles = Set.of();
            if (serviceToken != null && !serviceToken.isBlank()) {
                serviceRoles = lowerCase(tokens.validate(serviceToken.strip()).roles());
            }
            ValidatedToken user = tokens.validate(userToken.strip());
            Set<String> roles = lowerCase(user.roles());
            boolean admin = policy.isAdmin(Credentials.project(user.projectId(), user.userId(), roles)
                    .withServiceRoles(serviceRoles));
            return new RequestContext(user.projectId(), user.userId(), roles, admin, requestId, serviceRoles);
        } catch (InvalidTokenException e) {
            throw new Refusal(401, null);
        } catch (IdentityUnavailableException e) {
            LOG.log(Level.WARNING, "cannot validate tokens: " + e.getMessage(), e);
            throw new Refusal(503, "The Keystone service is temporarily unavailable.");
        }
    }

    private static Set<String> lowerCase(Set<String> roles) {
        return roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
