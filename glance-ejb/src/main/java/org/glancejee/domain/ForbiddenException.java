package org.glancejee.domain;

/** The caller may see the thing but not do this to it. */
public class ForbiddenException extends GlanceException {
    public ForbiddenException(String message) {
        super(message);
    }

    public ForbiddenException(String message, String detail) {
        super(message, detail);
    }
}
