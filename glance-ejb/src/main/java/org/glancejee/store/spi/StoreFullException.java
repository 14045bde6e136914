package org.glancejee.store.spi;

import java.io.IOException;

/** Raised when the store has no room left for the data being added. */
public class StoreFullException extends IOException {
    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
