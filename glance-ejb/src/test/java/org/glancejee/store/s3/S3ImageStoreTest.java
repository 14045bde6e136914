package org.glancejee.store.s3;

import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.ImageStoreContractTest;
import org.glancejee.store.spi.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

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

/** The s3 driver against a real S3-compatible server (s3proxy), with 5 MiB parts so multipart is exercised. */
class S3ImageStoreTest extends ImageStoreContractTest {
    private static final int MIB = 1 << 20;
    private static S3Proxy server;
    private String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Proxy.start(Path.of("target", "s3proxy-unit"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected ImageStore newStore() {
        bucket = "images-" + UUID.randomUUID().toString().substring(0, 8);
        return store(Map.of());
    }

    private S3ImageStore store(Map<String, String> overrides) {
        Map<String, String> options = server.storeOptions(bucket);
        options.put("s3_store_large_object_size", "5");
        options.put("s3_store_large_object_chunk_size", "5");
        options.putAll(overrides);
        return new S3ImageStore("s3", S3StoreSettings.from(options));
    }

    @Override
    protected void leaveUnfinishedWrite(String imageId) throws Exception {
        try (S3Client client = server.client()) {
            String upload = client.createMultipartUpload(b -> b.bucket(bucket).key(imageId)).uploadId();
            client.uploadPart(b -> b.bucket(bucket).key(imageId).uploadId(upload).partNumber(1),
                    RequestBody.fromBytes(randomBytes(5 * MIB, 81)));
        }
    }

    @Override
    protected long objectCount() throws Exception {
        return server.filesIn(bucket);
    }

    @Test
    void largeDataGoesInPartsAndComesBackWhole() throws Exception {
        byte[] known = randomBytes(23 * MIB + 11, 21);
        StoredData stored = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(known), known.length);
        assertEquals(known.length, stored.size());
        try (InputStream in = store.open(stored.location(), 0, -1)) {
            assertArrayEquals(known, in.readAllBytes());
        }
        try (InputStream in = store.open(stored.location(), 5L * MIB - 10, 20)) {
            assertArrayEquals(Arrays.copyOfRange(known, 5 * MIB - 10, 5 * MIB + 10), in.readAllBytes(),
                    "a range across a part boundary");
        }
        byte[] unknown = randomBytes(12 * MIB + 1, 22);
        StoredData chunked = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(unknown), -1);
        assertEquals(unknown.length, chunked.size());
        try (InputStream in = store.open(chunked.location(), 0, -1)) {
            assertArrayEquals(unknown, in.readAllBytes());
        }
    }

    @Test
    void aStreamFailingInTheMiddleOfAMultipartUploadLeavesNothing() throws Exception {
        InputStream failing = failingAfter(11L * MIB);
        assertThrows(IOException.class, () -> store.add(UUID.randomUUID().toString(), failing, -1));
        assertEquals(0, objectCount());
    }

    @Test
    void moreBytesThanAnnouncedAreCountedSoTheCallerCanRefuseThem() throws Exception {
        byte[] data = randomBytes(1000, 23);
        StoredData stored = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(data), 600);
        assertEquals(1000, stored.size());
    }

    @Test
    void locationsNameTheBucketButNoKeys() throws Exception {
        StoredData stored = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[3]), 3);
        assertTrue(stored.location().startsWith("s3://127.0.0.1:" + server.endpoint().getPort() + "/" + bucket + "/"),
                stored.location());
        assertFalse(stored.location().contains(S3Proxy.ACCESS_KEY) || stored.location().contains(S3Proxy.SECRET_KEY));
        assertFalse(store.owns(stored.location().replace(bucket, "other-bucket")));
    }

    @Test
    void aMissingBucketIsCreatedOnlyWhenAllowed() throws Exception {
        bucket = "not-created-" + UUID.randomUUID().toString().substring(0, 8);
        S3ImageStore strict = store(Map.of("s3_store_create_bucket_on_put", "false"));
        assertThrows(IOException.class, strict::probe);
        IOException refused = assertThrows(IOException.class,
                () -> strict.add(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[3]), 3));
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
    }

    @Test
    void anUnreachableServerFailsTheProbeQuickly() {
        Map<String, String> options = server.storeOptions("anything");
        options.put("s3_store_host", "http://127.0.0.1:1");
        S3ImageStore nowhere = new S3ImageStore("down", S3StoreSettings.from(options));
        long start = System.nanoTime();
        assertThrows(IOException.class, nowhere::probe);
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "the probe gives up within seconds");
    }

    @Test
    void missingSettingsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> S3StoreSettings.from(Map.of("s3_store_host", "http://x")));
        assertTrue(e.getMessage().contains("s3_store_access_key"), e.getMessage());
    }
}
