package org.glancejee.web.error;

import org.glancejee.web.context.RequestPaths;
import org.glancejee.web.admin.AdminPages;
import org.glancejee.web.admin.AdminGate;
import jakarta.ws.rs.core.UriInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors raised by the JAX-RS runtime itself (no such route, wrong method, unsupported media type) get
 * Glance's bodies; their headers, such as {@code Allow} on a 405, are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servlet;

    private static int byGlanceOrder(String a, String b) {
        java.util.List<String> order = java.util.List.of("GET", "POST", "PUT", "PATCH", "DELETE");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String explanation = switch (status) {
            case 404 -> "The resource could not be found.";
            case 405 -> "The method " + request.getMethod() + " is not allowed for this resource.";
            case 415 -> "The request media type " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE)
                    + " is not supported by this server.";
            case 406 -> "The server could not comply with the request since it is either malformed or otherwise"
                    + " incorrect.";
            default -> e.getMessage() == null ? "" : e.getMessage();
        };
        if (AdminGate.isAdminPath(RequestPaths.of(uri))) {
            return AdminPages.error(servlet, ErrorResponses.accept(headers), status, explanation);
        }
        Response.ResponseBuilder builder = ErrorResponses.build(status, explanation, null,
                ErrorResponses.accept(headers));
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(HttpHeaders.ALLOW)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        if (e instanceof NotAllowedException) {
            // Glance lists the route's methods only, not the OPTIONS/HEAD the JAX-RS runtime adds.
            builder.header(HttpHeaders.ALLOW, original.getAllowedMethods().stream()
                    .filter(m -> !m.equals("OPTIONS") && !m.equals("HEAD")).sorted(WebApplicationExceptionMapper::byGlanceOrder)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return builder.build();
    }
}
