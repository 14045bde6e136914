package org.glancejee.web.error;

import org.glancejee.web.context.RequestPaths;
import org.glancejee.web.admin.AdminPages;
import org.glancejee.web.admin.AdminGate;
import jakarta.ws.rs.core.UriInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import org.glancejee.domain.GlanceException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is a fault of ours: logged with its stack, answered with Glance's generic 500 so no
 * internal detail (paths, SQL, credentials) reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    Providers providers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servlet;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Exception e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof GlanceException || cause instanceof WebApplicationException) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            return mapper.toResponse(cause);
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", e);
        if (AdminGate.isAdminPath(RequestPaths.of(uri))) {
            return AdminPages.error(servlet, ErrorResponses.accept(headers), 500, "Something went wrong on the"
                    + " server; the server log says what.");
        }
        return ErrorResponses.build(500, "The server has either erred or is incapable of performing the requested"
                + " operation.", null, ErrorResponses.accept(headers)).build();
    }
}
