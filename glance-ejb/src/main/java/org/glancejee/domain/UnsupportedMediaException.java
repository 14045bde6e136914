package org.glancejee.domain;

/** The request body comes in a media type the operation does not take. */
public class UnsupportedMediaException extends GlanceException {
    public UnsupportedMediaException(String message) {
        super(message);
    }

    public UnsupportedMediaException(String message, String detail) {
        super(message, detail);
    }
}
