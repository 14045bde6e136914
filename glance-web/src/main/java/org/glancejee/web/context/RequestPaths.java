package org.glancejee.web.context;

import jakarta.ws.rs.core.UriInfo;

/** A request's path below the application, without a leading "/": Jersey gives it so, RESTEasy with one. */
public final class RequestPaths {
    private RequestPaths() {
    }

    public static String of(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
