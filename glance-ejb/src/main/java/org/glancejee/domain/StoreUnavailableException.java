package org.glancejee.domain;

/** The image data store cannot be reached or refuses to work; trying again later may succeed. */
public class StoreUnavailableException extends GlanceException {
    public StoreUnavailableException(String message) {
        super(message);
    }
}
