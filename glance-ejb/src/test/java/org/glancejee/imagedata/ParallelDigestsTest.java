package org.glancejee.imagedata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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

    @Test
    void digestsMatchWhateverTheSizeAndReadPattern() throws Exception {
        int[] sizes = {0, 1, ParallelDigests.CHUNK - 1, ParallelDigests.CHUNK, ParallelDigests.CHUNK + 1,
                ParallelDigests.CHUNK * ParallelDigests.BUFFERS * 3 + 12345};
        int[] reads = {1, 8191, 65536, 1 << 20};
        for (int size : sizes) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            for (int read : reads) {
                if (read == 1 && size > 1 << 20) {
                    continue;
                }
                ParallelDigests digests = new ParallelDigests(new ByteArrayInputStream(data), executor, "MD5", "SHA-512");
                byte[] buffer = new byte[read];
                long total = 0;
                int n;
                while ((n = digests.read(buffer, 0, read)) > 0) {
                    total += n;
                }
                assertEquals(size, total);
                assertEquals(size, digests.count());
                assertEquals(List.of(hex("MD5", data), hex("SHA-512", data)), digests.finish(),
                        "size " + size + ", reads of " + read);
            }
        }
    }

    @Test
    void singleByteReadsAreDigestedToo() throws Exception {
        byte[] data = "abc".getBytes();
        ParallelDigests digests = new ParallelDigests(new ByteArrayInputStream(data), executor, "SHA-512");
        while (digests.read() >= 0) {
            // consume
        }
        assertEquals(List.of(hex("SHA-512", data)), digests.finish());
    }

    @Test
    void abandonedUploadsStopTheirWorkers() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        ParallelDigests digests = new ParallelDigests(endless, executor, "MD5", "SHA-512");
        byte[] buffer = new byte[1 << 20];
        for (int i = 0; i < 32; i++) {
            digests.read(buffer, 0, buffer.length);
        }
        digests.abandon();
        executor.shutdown();
        assertEquals(true, executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
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

    private static String hex(String algorithm, byte[] data) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
