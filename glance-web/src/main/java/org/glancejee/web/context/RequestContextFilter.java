package org.glancejee.web.context;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.web.admin.AdminGate;
import jakarta.ws.rs.ext.Provider;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.RequestContext;
import org.glancejee.logging.LogContext;
import org.glancejee.web.error.ErrorResponses;

import java.util.Optional;
import java.util.Set;

/**
 * Establishes who a request acts for and its request id, and stamps {@code x-openstack-request-id} on
 * every response. Who the caller is comes from {@link CallerIdentification}; a caller it refuses gets
 * 401 (with {@code WWW-Authenticate}, as keystonemiddleware adds), 403 or 503 before any resource runs.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String REQUEST_ID_HEADER = RequestIds.HEADER;

    /** What answers without credentials, as in Glance: the version documents and the health check. */
    private static final Set<String> OPEN_PATHS = Set.of("", "/", "versions", "healthcheck");

    @Inject
    CallerIdentification identification;

    @Inject
    ApiSettings api;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String incoming = request.getHeaderString(REQUEST_ID_HEADER);
        Object assigned = servletRequest.getAttribute(RequestLog.REQUEST_ID);
        String requestId = assigned != null ? assigned.toString()
                : RequestIds.of(incoming, api.maxRequestIdLength());
        request.setProperty(REQUEST_ID_HEADER, requestId);
        if (RequestIds.unacceptable(incoming, api.maxRequestIdLength())) {
            request.abortWith(ErrorResponses.build(431, "Request Header Fields Too Large", null,
                    request.getHeaderString(HttpHeaders.ACCEPT)).build());
            return;
        }
        String path = RequestPaths.of(request.getUriInfo());
        if (OPEN_PATHS.contains(path)) {
            return;
        }
        if (AdminGate.isAdminPath(path)) {
            admitToAdminPages(request, path, requestId);
            return;
        }
        try {
            RequestContext caller = identification.identify(request.getHeaderString("X-Auth-Token"),
                    request.getHeaderString("X-Service-Token"), servletRequest.getLocalAddr(), requestId);
            servletRequest.setAttribute(Caller.PROPERTY, caller);
            LogContext.identify(caller.userId(), caller.projectId());
        } catch (CallerIdentification.Refusal refusal) {
            Response.ResponseBuilder response = ErrorResponses.build(refusal.status, null, refusal.detail,
                    request.getHeaderString(HttpHeaders.ACCEPT));
            if (refusal.status == 401) {
                response.header("WWW-Authenticate", identification.wwwAuthenticate());
            }
            request.abortWith(response.build());
        }
    }

    /** The admin pages: a signed-in session's token (none with noauth) identifies the caller as the API would. */
    private void admitToAdminPages(ContainerRequestContext request, String path, String requestId) {
        if (AdminGate.isOpen(path)) {
            return;
        }
        Optional<Response> refused = AdminGate.admit(request, servletRequest);
        if (refused.isPresent()) {
            request.abortWith(refused.get());
            return;
        }
        try {
            RequestContext caller = identification.identify(AdminGate.token(servletRequest), null,
                    servletRequest.getLocalAddr(), requestId);
            servletRequest.setAttribute(Caller.PROPERTY, caller);
            LogContext.identify(caller.userId(), caller.projectId());
        } catch (CallerIdentification.Refusal refusal) {
            request.abortWith(refusal.status == 401 ? AdminGate.signInFirst(request)
                    : Response.status(refusal.status).type(MediaType.TEXT_PLAIN_TYPE).entity(refusal.detail).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID_HEADER);
        response.getHeaders().putSingle(REQUEST_ID_HEADER, requestId == null ? RequestIds.newId() : requestId);
    }
}
