package org.glancejee.domain;

/** The thing went away while the request was working on it (e.g. an image deleted during its upload). */
public class GoneException extends GlanceException {
    public GoneException(String message) {
        super(message);
    }
}
