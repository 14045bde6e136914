package org.glancejee.web.context;

import jakarta.servlet.http.HttpServletRequest;
import org.glancejee.domain.RequestContext;

/**
 * Reads the {@link RequestContext} the {@link RequestContextFilter} attached to a request, as a servlet
 * request attribute: resources take the servlet request, which every JAX-RS implementation injects
 * (RESTEasy does not inject a ContainerRequestContext into resources).
 */
public final class Caller {
    static final String PROPERTY = RequestContext.class.getName();

    private Caller() {
    }

    public static RequestContext of(HttpServletRequest request) {
        return (RequestContext) request.getAttribute(PROPERTY);
    }
}
