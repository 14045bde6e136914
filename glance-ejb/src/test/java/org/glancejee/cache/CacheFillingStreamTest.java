package org.glancejee.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cache fill becomes an entry only when its reader read all the image's bytes and they check out. */
class CacheFillingStreamTest {
    private static final byte[] DATA = randomBytes(300_000);

    @TempDir
    Path dir;

    private final String id = UUID.randomUUID().toString();

    @Test
    void aCompleteReadWithTheRightChecksumBecomesTheEntry() throws Exception {
        CacheDirectory cache = new CacheDirectory(dir);
        try (InputStream in = fill(cache, new ByteArrayInputStream(DATA), DATA.length, md5(DATA))) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
        assertArrayEquals(DATA, Files.readAllBytes(cache.entry(id).orElseThrow()));
        assertFalse(cache.isFilling(id));
    }

    @Test
    void aReaderThatStopsEarlyLeavesNothing() throws Exception {
        CacheDirectory cache = new CacheDirectory(dir);
        try (InputStream in = fill(cache, new ByteArrayInputStream(DATA), DATA.length, md5(DATA))) {
            assertEquals(1000, in.readNBytes(1000).length);
        }
        assertTrue(cache.entry(id).isEmpty());
        assertFalse(cache.isFilling(id));
    }

    @Test
    void bytesThatDoNotMatchTheChecksumOrSizeLeaveNothing() throws Exception {
        CacheDirectory cache = new CacheDirectory(dir);
        try (InputStream in = fill(cache, new ByteArrayInputStream(DATA), DATA.length, md5(new byte[1]))) {
            assertArrayEquals(DATA, in.readAllBytes(), "the reader still gets the data");
        }
        assertTrue(cache.entry(id).isEmpty());
        try (InputStream in = fill(cache, new ByteArrayInputStream(DATA), DATA.length + 1, md5(DATA))) {
            in.readAllBytes();
        }
        assertTrue(cache.entry(id).isEmpty());
        assertFalse(cache.isFilling(id));
    }

    @Test
    void aFailingSourceLeavesNothingAndTheReaderSeesTheFailure() throws Exception {
        CacheDirectory cache = new CacheDirectory(dir);
        InputStream failing = new InputStream() {
            private int left = 5000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("store went away");
                }
                return 7;
            }
        };
        try (InputStream in = fill(cache, failing, DATA.length, md5(DATA))) {
            assertThrows(IOException.class, in::readAllBytes);
        }
        assertTrue(cache.entry(id).isEmpty());
        assertFalse(cache.isFilling(id));
    }

    @Test
    void aSecondFillOfTheSameImageWaitsForTheFirst() throws Exception {
        CacheDirectory cache = new CacheDirectory(dir);
        OutputStream first = cache.startFill(id).orElseThrow();
        assertTrue(cache.startFill(id).isEmpty());
        first.close();
        cache.abandonFill(id);
        assertTrue(cache.startFill(id).isPresent());
    }

    private InputStream fill(CacheDirectory cache, InputStream source, long size, String checksum) throws IOException {
        return new CacheFillingStream(source, cache.startFill(id).orElseThrow(), id, size, checksum,
                new CacheFillingStream.Outcome() {
                    @Override
                    public void commit() throws IOException {
                        cache.commitFill(id);
                    }

                    @Override
                    public void abandon() {
                        cache.abandonFill(id);
                    }
                });
    }

    private static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(77).nextBytes(bytes);
        return bytes;
    }
}
