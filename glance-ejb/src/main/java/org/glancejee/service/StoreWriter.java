package org.glancejee.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.StorageSettings;
import org.glancejee.imagedata.DigestWorkers;
import org.glancejee.imagedata.ParallelDigests;
import org.glancejee.store.ImageStores;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoredData;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams data into a store while computing the image's MD5 checksum and multihash. On any
 * failure, what was written is deleted before the exception propagates.
 */
@ApplicationScoped
public class StoreWriter {
    private static final Logger LOG = Logger.getLogger(StoreWriter.class.getName());

    @Inject
    ImageStores stores;

    @Inject
    StorageSettings settings;

    @Inject
    DigestWorkers workers;

    /** Stored data and its digests. */
    public record Written(String storeId, StoredData stored, String md5, String hashAlgorithm, String hashValue) {
    }

    /**
     * @param limits wraps the hashed stream in caps (size, quota) or inspection before it reaches the store
     * @param check  runs once the data is stored, before the digests are final; throwing discards the data
     */
    public Written write(ImageStore store, String imageId, InputStream data, long expectedSize,
                         UnaryOperator<InputStream> limits, StoredCheck check) throws IOException {
        String algorithm = settings.hashingAlgorithm();
        ParallelDigests digests = new ParallelDigests(data, workers.executor(), "MD5", jcaName(algorithm));
        StoredData stored = null;
        try {
            stored = store.add(imageId, limits.apply(digests), expectedSize);
            check.stored(stored);
            List<String> hex = digests.finish();
            return new Written(store.id(), stored, hex.get(0), algorithm, hex.get(1));
        } catch (IOException | RuntimeException e) {
            digests.abandon();
            if (stored != null) {
                discard(store.id(), stored.location());
            }
            throw e;
        }
    }

    /** Deletes stored data, logging instead of failing: the caller is already handling a failure. */
    public void discard(String storeId, String location) {
        stores.byId(storeId).ifPresent(store -> {
            try {
                store.delete(location);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not remove data of a failed transfer; the scrubber will retry", e);
            }
        });
    }

    /** A check of freshly stored data. */
    @FunctionalInterface
    public interface StoredCheck {
        void stored(StoredData stored) throws IOException;
    }

    /** Glance's multihash names (sha512, sha256, ...) as Java knows them. */
    public static String jcaName(String glanceName) {
        String name = glanceName.toLowerCase(Locale.ROOT);
        if (name.startsWith("sha3_")) {
            return "SHA3-" + name.substring(5);
        }
        if (name.startsWith("sha") && !name.contains("-")) {
            return "SHA-" + name.substring(3);
        }
        return glanceName.toUpperCase(Locale.ROOT);
    }
}
