package org.glancejee.store.spi;

import java.io.IOException;

/** Raised by a store that does not accept new data (glance_store's StoreAddDisabled). */
public class ReadOnlyStoreException extends IOException {
    public ReadOnlyStoreException(String storeId) {
        super("Store " + storeId + " is read-only");
    }
}
