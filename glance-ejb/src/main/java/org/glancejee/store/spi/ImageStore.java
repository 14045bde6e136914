package org.glancejee.store.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * A place where image data is kept. The core hashes, counts and caps the bytes around these calls, so a
 * driver only moves bytes. Locations are the driver's own strings; they never reach users.
 */
public interface ImageStore {

    /** The store's id, as shown in {@code /v2/info/stores}. */
    String id();

    Set<StoreCapability> capabilities();

    /**
     * Stores the whole stream for an image and returns where it went. The data is durable when this
     * returns. On any failure nothing is left behind and the exception propagates.
     *
     * @param expectedSize the size the client announced, or -1 when unknown (chunked upload)
     */
    StoredData add(String imageId, InputStream data, long expectedSize) throws IOException;

    /**
     * Opens stored data for reading from {@code offset}, at most {@code length} bytes ({@code -1}: to the end).
     *
     * @throws StoredDataNotFoundException when nothing is stored at that location
     */
    InputStream open(String location, long offset, long length) throws IOException;

    /** Removes stored data. Removing what is not there is not an error. */
    void delete(String location) throws IOException;
}
