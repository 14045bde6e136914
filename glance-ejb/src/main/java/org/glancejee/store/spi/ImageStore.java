package org.glancejee.store.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * A place where image data is kept. The core hashes, counts and caps the bytes around these calls, so a
 * driver only moves bytes. Locations are the driver's own URLs; they never carry credentials, and they
 * reach users only when an operator turns on {@code show_image_direct_url} or {@code show_multiple_locations}.
 */
public interface ImageStore {

    /** The store's id, as shown in {@code /v2/info/stores}. */
    String id();

    /** The driver's type as glance_store names it: file, s3, swift, http. */
    String type();

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

    /**
     * The size of stored data, for a location that was registered rather than written here. Drivers that can
     * ask the store answer at once; this default reads the data through.
     */
    default long size(String location) throws IOException {
        try (InputStream in = open(location, 0, -1)) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** Removes stored data. Removing what is not there is not an error. */
    void delete(String location) throws IOException;

    /**
     * Removes whatever writes of this image's data that never finished left here: a server that died while
     * adding it leaves partial files, segments or unfinished multipart uploads, or data written just before
     * the location was recorded. Called after a restart for images whose write was cut off, and only when no
     * location of the image is in this store. Finding nothing is not an error.
     */
    void removeRemainsOf(String imageId) throws IOException;

    /** Whether a location URL points into this store (a scheme, host and container or directory it serves). */
    boolean owns(String location);

    /**
     * Checks that the store answers now (its directory, bucket or container is reachable), cheaply enough to
     * run every few seconds. Throws with the reason when it does not.
     */
    void probe() throws IOException;

    /**
     * What {@code /v2/info/stores/detail} shows of the store's settings, by glance_store's names
     * (e.g. {@code data_dir}, {@code chunk_size}); never credentials.
     */
    Map<String, Object> properties();
}
