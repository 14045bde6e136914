package org.glancejee.domain;

/** The request clashes with the current state (status, duplicate, missing property). */
public class ConflictException extends GlanceException {
    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, String detail) {
        super(message, detail);
    }
}
