package org.glancejee.web.context;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.glancejee.domain.RequestContext;

/** Reads the {@link RequestContext} the {@link RequestContextFilter} attached to a request. */
public final class Caller {
    static final String PROPERTY = RequestContext.class.getName();

    private Caller() {
    }

    public static RequestContext of(ContainerRequestContext request) {
        return (RequestContext) request.getProperty(PROPERTY);
    }
}
