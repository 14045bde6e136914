package org.glancejee.store.spi;

import java.io.IOException;

/** Raised by a store asked for data it does not hold. */
public class StoredDataNotFoundException extends IOException {
    public StoredDataNotFoundException(String location) {
        super("No stored data at " + location);
    }
}
