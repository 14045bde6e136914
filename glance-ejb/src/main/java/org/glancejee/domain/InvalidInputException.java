package org.glancejee.domain;

/** The request is malformed or breaks a schema rule. */
public class InvalidInputException extends GlanceException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, String detail) {
        super(message, detail);
    }
}
