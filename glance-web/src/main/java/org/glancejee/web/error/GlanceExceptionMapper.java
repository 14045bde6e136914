package org.glancejee.web.error;

import org.glancejee.web.context.RequestPaths;
import org.glancejee.web.admin.AdminPages;
import org.glancejee.web.admin.AdminGate;
import jakarta.ws.rs.core.UriInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.GoneException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RangeNotSatisfiableException;
import org.glancejee.domain.StoreUnavailableException;
import org.glancejee.domain.UnsupportedMediaException;

import java.util.Map;

/** The one place where each family of refusal gets its HTTP status. */
@Provider
public class GlanceExceptionMapper implements ExceptionMapper<GlanceException> {
    private static final Map<Class<? extends GlanceException>, Integer> STATUS = Map.of(
            InvalidInputException.class, 400,
            ForbiddenException.class, 403,
            NotFoundException.class, 404,
            ConflictException.class, 409,
            GoneException.class, 410,
            LimitExceededException.class, 413,
            UnsupportedMediaException.class, 415,
            RangeNotSatisfiableException.class, 416,
            StoreUnavailableException.class, 503);

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servlet;

    @Override
    public Response toResponse(GlanceException e) {
        if (AdminGate.isAdminPath(RequestPaths.of(uri))) {
            return AdminPages.error(servlet, ErrorResponses.accept(headers), status(e), e.getMessage());
        }
        return ErrorResponses.build(status(e), e.getMessage(), e.detail(), ErrorResponses.accept(headers)).build();
    }

    /** The status of the exception's family (its class or the nearest superclass listed). */
    static int status(GlanceException e) {
        for (Class<?> type = e.getClass(); type != GlanceException.class; type = type.getSuperclass()) {
            Integer status = STATUS.get(type);
            if (status != null) {
                return status;
            }
        }
        return 500;
    }
}
