package org.glancejee.domain;

/** The requested byte range lies outside the image data. */
public class RangeNotSatisfiableException extends GlanceException {
    public RangeNotSatisfiableException(String message) {
        super(message);
    }

    public RangeNotSatisfiableException(String message, String detail) {
        super(message, detail);
    }
}
