package org.glancejee.store.spi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every store driver must do to serve data, read-only ones included: the whole data, ranges, sizes, a
 * clear "not found", its own locations, a probe, a description without secrets. Writable drivers pass the whole
 * {@link ImageStoreContractTest}, which extends this.
 */
public abstract class ImageStoreReadContractTest {
    protected ImageStore store;

    /** A fresh store. */
    protected abstract ImageStore newStore() throws Exception;

    /** Puts data where the store can read it (through it, or beside it for a read-only store): its location. */
    protected abstract String placeData(byte[] data) throws Exception;

    /** A location the store would own that holds no data. */
    protected abstract String missingLocation() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void servesTheWholeData() throws Exception {
        byte[] data = randomBytes(3 * 1024 * 1024 + 17, 21);
        String location = placeData(data);
        try (InputStream in = store.open(location, 0, -1)) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void servesByteRanges() throws Exception {
        byte[] data = randomBytes(50_000, 3);
        String location = placeData(data);
        try (InputStream in = store.open(location, 1000, 500)) {
            assertArrayEquals(Arrays.copyOfRange(data, 1000, 1500), in.readAllBytes());
        }
        try (InputStream in = store.open(location, 49_990, -1)) {
            assertArrayEquals(Arrays.copyOfRange(data, 49_990, 50_000), in.readAllBytes());
        }
    }

    @Test
    void reportsTheSizeOfData() throws Exception {
        assertEquals(12_345, store.size(placeData(randomBytes(12_345, 10))));
    }

    @Test
    void missingDataIsNotFound() throws Exception {
        String missing = missingLocation();
        assertThrows(StoredDataNotFoundException.class, () -> store.open(missing, 0, -1).close());
        assertThrows(StoredDataNotFoundException.class, () -> store.size(missing));
    }

    @Test
    void ownsItsLocationsAndNoForeignOnes() throws Exception {
        assertTrue(store.owns(placeData(randomBytes(10, 9))));
        assertFalse(store.owns("ftp://example.com/images/x"));
        assertFalse(store.owns("not a url"));
    }

    @Test
    void answersAProbeWhenReachable() throws Exception {
        store.probe();
    }

    @Test
    void describesItselfWithoutSecrets() {
        assertFalse(store.type().isBlank());
        String shown = store.properties().toString().toLowerCase(java.util.Locale.ROOT);
        assertFalse(shown.contains("secret") || shown.contains("password") || shown.contains("key="), shown);
    }

    @Test
    void declaresRead() {
        assertTrue(store.capabilities().contains(StoreCapability.READ));
    }
}
