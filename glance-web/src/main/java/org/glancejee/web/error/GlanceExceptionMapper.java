package org.glancejee.web.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.GoneException;
import org.glancejee.domain.StoreUnavailableException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RangeNotSatisfiableException;
import org.glancejee.domain.UnsupportedMediaException;

/** The one place where each family of refusal gets its HTTP status. */
@Provider
public class GlanceExceptionMapper implements ExceptionMapper<GlanceException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(GlanceException e) {
        return ErrorResponses.build(status(e), e.getMessage(), e.detail(), ErrorResponses.accept(headers)).build();
    }

    static int status(GlanceException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof LimitExceededException) {
            return 413;
        }
        if (e instanceof UnsupportedMediaException) {
            return 415;
        }
        if (e instanceof RangeNotSatisfiableException) {
            return 416;
        }
        if (e instanceof GoneException) {
            return 410;
        }
        if (e instanceof StoreUnavailableException) {
            return 503;
        }
        return 500;
    }
}
