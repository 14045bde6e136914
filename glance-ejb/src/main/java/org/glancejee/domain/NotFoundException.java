package org.glancejee.domain;

/** The thing asked for does not exist, or the caller may not know it exists. */
public class NotFoundException extends GlanceException {
    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, String detail) {
        super(message, detail);
    }
}
