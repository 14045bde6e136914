package org.glancejee.web.context;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.glancejee.config.ApiSettings;
import org.glancejee.config.AuthSettings;
import org.glancejee.domain.RequestContext;
import org.glancejee.web.error.ErrorResponses;

import java.util.Set;
import java.util.UUID;

/**
 * Establishes who a request acts for and its request id, and stamps {@code x-openstack-request-id} on
 * every response. In {@code noauth} mode every request is an admin of the configured default project.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String REQUEST_ID_HEADER = "x-openstack-request-id";

    @Inject
    AuthSettings auth;

    @Inject
    ApiSettings api;

    @Override
    public void filter(ContainerRequestContext request) {
        String incoming = request.getHeaderString(REQUEST_ID_HEADER);
        String requestId = incoming == null || incoming.isBlank() ? newRequestId() : incoming.strip();
        if (requestId.length() > api.maxRequestIdLength() || !printable(requestId)) {
            request.setProperty(REQUEST_ID_HEADER, newRequestId());
            request.abortWith(ErrorResponses.build(431, "Request Header Fields Too Large", null,
                    request.getHeaderString(HttpHeaders.ACCEPT)).build());
            return;
        }
        request.setProperty(REQUEST_ID_HEADER, requestId);
        request.setProperty(Caller.PROPERTY, new RequestContext(auth.noauthProjectId().orElse(null), null,
                Set.of("admin"), true, requestId));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID_HEADER);
        response.getHeaders().putSingle(REQUEST_ID_HEADER, requestId == null ? newRequestId() : requestId);
    }

    private static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    private static boolean printable(String value) {
        return value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
