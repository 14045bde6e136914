package org.glancejee.imagedata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParallelDigestsTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    @Test
    void digestsMatchThoseOfTheWholeData() throws Exception {
        for (int size : new int[] {0, 1, 1 << 20, (1 << 20) + 1, 5 * (1 << 20) + 12345}) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            ParallelDigests in = new ParallelDigests(new ByteArrayInputStream(data), executor, "MD5", "SHA-512");
            byte[] buffer = new byte[7919];
            while (in.read(buffer, 0, buffer.length) > 0) {
                // a reader using odd-sized reads, as a store might
            }
            assertEquals(List.of(hex("MD5", data), hex("SHA-512", data)), in.finish(), "size " + size);
            assertEquals(size, in.count());
        }
    }

    @Test
    void knownVectorOfGlanceSamples() throws Exception {
        byte[] line = "glance-anchor-sample-data\n".getBytes();
        byte[] data = new byte[1048576];
        for (int i = 0; i < data.length; i++) {
            data[i] = line[i % line.length];
        }
        ParallelDigests in = new ParallelDigests(new ByteArrayInputStream(data), executor, "MD5");
        in.readAllBytes();
        assertEquals(List.of("10edabcbece6f3e2631b8da8815929dc"), in.finish());
    }

    @Test
    void skippingIsRefusedBecauseEveryByteMustBeDigested() {
        ParallelDigests in = new ParallelDigests(InputStream.nullInputStream(), executor, "MD5");
        assertThrows(UnsupportedOperationException.class, () -> in.skip(10));
        in.abandon();
    }

    @Test
    void unknownAlgorithmsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ParallelDigests(InputStream.nullInputStream(), executor, "NOPE-1"));
    }
}
