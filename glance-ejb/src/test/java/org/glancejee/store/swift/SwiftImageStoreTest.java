package org.glancejee.store.swift;

import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.ImageStoreContractTest;
import org.glancejee.store.spi.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The swift driver against a real Swift (Debian's, on loopback), with 5 MiB large objects in 2 MiB segments. */
class SwiftImageStoreTest extends ImageStoreContractTest {
    private static final int MIB = 1 << 20;
    private static SwiftServer server;
    private String container;

    @BeforeAll
    static void startSwift() throws Exception {
        server = SwiftServer.start(Path.of("target", "swift-unit"));
    }

    @AfterAll
    static void stopSwift() throws Exception {
        server.close();
    }

    @Override
    protected ImageStore newStore() {
        container = "images-" + UUID.randomUUID().toString().substring(0, 8);
        return store(Map.of());
    }

    private SwiftImageStore store(Map<String, String> overrides) {
        Map<String, String> options = server.storeOptions(container);
        options.put("swift_store_large_object_size", "5");
        options.put("swift_store_large_object_chunk_size", "2");
        options.putAll(overrides);
        return new SwiftImageStore("swift", SwiftStoreSettings.from(options));
    }

    @Override
    protected void leaveUnfinishedWrite(String imageId) throws Exception {
        server.put(container, imageId + "-00001", randomBytes(2 * MIB, 82));
        server.put(container, imageId + "-00002", randomBytes(1000, 83));
    }

    @Override
    protected long objectCount() throws Exception {
        return server.objectsIn(container);
    }

    @Test
    void largeDataGoesInSegmentsAndComesBackWholeAndDeletesWhole() throws Exception {
        byte[] known = randomBytes(11 * MIB + 7, 31);
        StoredData stored = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(known), known.length);
        assertEquals(known.length, stored.size());
        assertEquals(7, objectCount(), "six segments and the manifest");
        try (InputStream in = store.open(stored.location(), 0, -1)) {
            assertArrayEquals(known, in.readAllBytes());
        }
        try (InputStream in = store.open(stored.location(), 2L * MIB - 5, 10)) {
            assertArrayEquals(Arrays.copyOfRange(known, 2 * MIB - 5, 2 * MIB + 5), in.readAllBytes(),
                    "a range across a segment boundary");
        }
        assertEquals(known.length, store.size(stored.location()));
        store.delete(stored.location());
        assertEquals(0, objectCount(), "deleting the large object deletes its segments");
    }

    @Test
    void dataOfUnknownSizeIsSegmentedEvenWhenItEndsOnABoundary() throws Exception {
        byte[] exact = randomBytes(4 * MIB, 32);
        StoredData stored = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(exact), -1);
        assertEquals(exact.length, stored.size());
        assertEquals(3, objectCount(), "two segments and the manifest, no empty third");
        try (InputStream in = store.open(stored.location(), 0, -1)) {
            assertArrayEquals(exact, in.readAllBytes());
        }
    }

    @Test
    void aStreamFailingAfterSomeSegmentsLeavesNothing() throws Exception {
        assertThrows(IOException.class, () -> store.add(UUID.randomUUID().toString(), failingAfter(5L * MIB), -1));
        assertEquals(0, objectCount());
    }

    @Test
    void locationsNameTheContainerButNoCredentials() throws Exception {
        StoredData stored = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[3]), 3);
        assertTrue(stored.location().startsWith("swift+http://127.0.0.1:"), stored.location());
        assertTrue(stored.location().contains("/" + container + "/"), stored.location());
        assertFalse(stored.location().contains(SwiftServer.KEY) || stored.location().contains("tester"));
        assertFalse(store.owns(stored.location().replace(container, "other")));
    }

    @Test
    void aMissingContainerIsCreatedOnlyWhenAllowed() {
        SwiftImageStore strict = store(Map.of("swift_store_create_container_on_put", "false"));
        assertThrows(IOException.class, strict::probe);
        IOException refused = assertThrows(IOException.class,
                () -> strict.add(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[3]), 3));
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
    }

    @Test
    void wrongCredentialsAndAnUnreachableServerFailTheProbe() {
        SwiftImageStore wrongKey = store(Map.of("swift_store_key", "not-the-key"));
        assertThrows(IOException.class, wrongKey::probe);
        SwiftImageStore nowhere = store(Map.of("swift_store_auth_address", "http://127.0.0.1:1/auth/v1.0"));
        long start = System.nanoTime();
        assertThrows(IOException.class, nowhere::probe);
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "the probe gives up within seconds");
    }
}
