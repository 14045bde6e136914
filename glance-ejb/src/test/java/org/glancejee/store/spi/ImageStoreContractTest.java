package org.glancejee.store.spi;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every writable store driver must do, whatever it stores into, on top of serving data
 * ({@link ImageStoreReadContractTest}). A driver's test extends this and supplies the store; fakes below the SPI
 * must pass it too.
 */
public abstract class ImageStoreContractTest extends ImageStoreReadContractTest {

    /** How many objects (complete or partial) the store holds now, to prove failures leave nothing. */
    protected abstract long objectCount() throws Exception;

    /**
     * Leaves what a server killed while adding the image's data leaves in this kind of store (a partial file,
     * a segment without its manifest, a multipart upload never completed), written past the driver.
     */
    protected abstract void leaveUnfinishedWrite(String imageId) throws Exception;

    @Override
    protected String placeData(byte[] data) throws Exception {
        return store.add(id(), new ByteArrayInputStream(data), data.length).location();
    }

    @Override
    protected String missingLocation() throws Exception {
        String location = placeData(new byte[1]);
        store.delete(location);
        return location;
    }

    /** A client stream that delivers {@code bytes} bytes and then fails, as a client that goes away. */
    protected static InputStream failingAfter(long bytes) {
        return new InputStream() {
            private long left = bytes;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("client went away");
                }
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void storesAndReturnsTheSameBytes() throws Exception {
        byte[] data = randomBytes(3 * 1024 * 1024 + 17, 1);
        StoredData stored = store.add(id(), new ByteArrayInputStream(data), data.length);
        assertEquals(data.length, stored.size());
        try (InputStream in = store.open(stored.location(), 0, -1)) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void acceptsDataOfUnknownSize() throws Exception {
        byte[] data = randomBytes(100_000, 2);
        StoredData stored = store.add(id(), new ByteArrayInputStream(data), -1);
        assertEquals(data.length, stored.size());
    }

    @Test
    void storesEmptyData() throws Exception {
        StoredData stored = store.add(id(), InputStream.nullInputStream(), 0);
        assertEquals(0, stored.size());
        try (InputStream in = store.open(stored.location(), 0, -1)) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void keepsImagesApart() throws Exception {
        byte[] a = randomBytes(10_000, 4);
        byte[] b = randomBytes(20_000, 5);
        StoredData sa = store.add(id(), new ByteArrayInputStream(a), a.length);
        StoredData sb = store.add(id(), new ByteArrayInputStream(b), b.length);
        try (InputStream in = store.open(sa.location(), 0, -1)) {
            assertArrayEquals(a, in.readAllBytes());
        }
        try (InputStream in = store.open(sb.location(), 0, -1)) {
            assertArrayEquals(b, in.readAllBytes());
        }
    }

    @Test
    void deleteRemovesDataAndIsIdempotent() throws Exception {
        StoredData stored = store.add(id(), new ByteArrayInputStream(randomBytes(1000, 6)), 1000);
        store.delete(stored.location());
        store.delete(stored.location());
        assertThrows(StoredDataNotFoundException.class, () -> store.open(stored.location(), 0, -1).close());
        assertEquals(0, objectCount());
    }

    @Test
    void removesTheRemainsOfAWriteThatNeverFinishedAndNothingElse() throws Exception {
        byte[] data = randomBytes(1000, 8);
        StoredData other = store.add(id(), new ByteArrayInputStream(data), data.length);
        long before = objectCount();
        String crashed = id();
        leaveUnfinishedWrite(crashed);
        assertTrue(objectCount() > before, "the unfinished write left something");

        store.removeRemainsOf(crashed);
        assertEquals(before, objectCount(), "what it left is gone");
        try (InputStream in = store.open(other.location(), 0, -1)) {
            assertArrayEquals(data, in.readAllBytes(), "other images' data stays");
        }
        store.removeRemainsOf(id());
        assertEquals(before, objectCount(), "an image that left nothing: nothing to do");
    }

    @Test
    void aFailingStreamLeavesNothingBehind() throws Exception {
        String image = id();
        InputStream failing = failingAfter(2 * 1024 * 1024);
        assertThrows(IOException.class, () -> store.add(image, failing, 4 * 1024 * 1024));
        assertEquals(0, objectCount());
        byte[] data = randomBytes(1000, 7);
        StoredData retried = store.add(image, new ByteArrayInputStream(data), data.length);
        try (InputStream in = store.open(retried.location(), 0, -1)) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void streamsLargeDataIntact() throws Exception {
        long size = 64L * 1024 * 1024 + 3;
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        InputStream generated = new InputStream() {
            private final Random random = new Random(8);
            private long left = size;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                sent.update(chunk);
                left -= n;
                return n;
            }
        };
        StoredData stored = store.add(id(), generated, size);
        assertEquals(size, stored.size());
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = store.open(stored.location(), 0, -1)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                read.update(buffer, 0, n);
            }
        }
        assertEquals(HexFormat.of().formatHex(sent.digest()), HexFormat.of().formatHex(read.digest()));
    }

    @Test
    void ownsNoWebLocations() {
        assertFalse(store.owns("http://example.com/images/" + id()));
    }

    @Test
    void reportsTheSizeOfStoredDataUntilItIsDeleted() throws Exception {
        StoredData stored = store.add(id(), new ByteArrayInputStream(randomBytes(12_345, 10)), 12_345);
        assertEquals(12_345, store.size(stored.location()));
        store.delete(stored.location());
        assertThrows(StoredDataNotFoundException.class, () -> store.size(stored.location()));
    }

    @Test
    void leavesTheCallersStreamOpen() throws Exception {
        for (long size : new long[] {20_000, -1}) {
            boolean[] closed = {false};
            InputStream source = new java.io.FilterInputStream(new ByteArrayInputStream(randomBytes(20_000, 11))) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            store.add(id(), source, size);
            assertFalse(closed[0], "the caller closes its stream (size " + size + ")");
        }
    }

    @Test
    void declaresReadAndWrite() {
        assertTrue(store.capabilities().contains(StoreCapability.READ));
        assertTrue(store.capabilities().contains(StoreCapability.WRITE));
    }
}
