package org.glancejee.domain;

/** A size cap or quota would be exceeded. */
public class LimitExceededException extends GlanceException {
    public LimitExceededException(String message) {
        super(message);
    }

    public LimitExceededException(String message, String detail) {
        super(message, detail);
    }
}
