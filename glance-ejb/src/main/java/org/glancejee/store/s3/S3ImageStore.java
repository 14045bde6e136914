package org.glancejee.store.s3;

import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoreCapability;
import org.glancejee.store.spi.StoredData;
import org.glancejee.store.spi.StoredDataNotFoundException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each image as one object, named by the image id, in the store's bucket, through the AWS SDK; any
 * S3-compatible server works (path-style addressing for those). Data of unknown or large size goes as a
 * multipart upload, one part in memory at a time; a failed upload is aborted so nothing is left. Locations
 * are {@code s3://host[:port]/bucket/image-id} ({@code s3+https} for https), without the keys glance_store
 * puts in them.
 */
public class S3ImageStore implements ImageStore {
    private static final int MAX_PARTS = 10_000;
    private static final long MIB = 1 << 20;

    private final String id;
    private final S3StoreSettings settings;
    private final S3Client client;
    private final S3Client probeClient;
    private final String scheme;
    private volatile boolean bucketReady;

    public S3ImageStore(String id, S3StoreSettings settings) {
        this.id = id;
        this.settings = settings;
        this.scheme = "https".equals(settings.endpoint().getScheme()) ? "s3+https" : "s3";
        // Data transfers may take hours: only connecting and each single read are timed.
        this.client = client(settings, ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofMinutes(2))
                .maxConnections(Math.max(settings.threadPools(), 10)), null);
        this.probeClient = client(settings, ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(5)), Duration.ofSeconds(8));
    }

    private static S3Client client(S3StoreSettings s, ApacheHttpClient.Builder http, Duration callTimeout) {
        return S3Client.builder()
                .endpointOverride(s.endpoint())
                .region(Region.of(s.region()))
                .forcePathStyle(s.pathStyle())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s.accessKey(), s.secretKey())))
                // S3-compatible servers do not all know the SDK's newer default checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(http)
                .overrideConfiguration(c -> {
                    if (callTimeout != null) {
                        c.apiCallTimeout(callTimeout);
                    }
                })
                .build();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return EnumSet.allOf(StoreCapability.class);
    }

    @Override
    public StoredData add(String imageId, InputStream data, long expectedSize) throws IOException {
        try {
            ensureBucket();
            long size = fitsOnePut(expectedSize) ? putWhole(imageId, data, expectedSize)
                    : putInParts(imageId, data, partSize(expectedSize));
            return new StoredData(location(imageId), size);
        } catch (SdkException e) {
            throw failure("store the data", e);
        } catch (RuntimeException e) {
            // The SDK wraps a failing source stream in an unchecked exception.
            throw new IOException("Could not store the data in S3: " + e.getMessage(), e);
        }
    }

    private boolean fitsOnePut(long expectedSize) {
        return expectedSize >= 0 && settings.largeObjectSize() > 0 && expectedSize < settings.largeObjectSize();
    }

    /** Parts of the chunk size, bigger when the image would need more than S3's 10,000 parts. */
    private long partSize(long expectedSize) {
        long needed = expectedSize < 0 ? 0 : (expectedSize + MAX_PARTS - 1) / MAX_PARTS;
        long roundedUp = (needed + MIB - 1) / MIB * MIB;
        return Math.max(settings.largeObjectChunkSize(), roundedUp);
    }

    /**
     * One PUT of the announced size. Bytes beyond it are counted, not stored, so the caller sees the size
     * mismatch and discards the object.
     */
    private long putWhole(String key, InputStream data, long size) throws IOException {
        try {
            client.putObject(b -> b.bucket(settings.bucket()).key(key).contentLength(size),
                    RequestBody.fromInputStream(data, size));
        } catch (RuntimeException e) {
            removeRemains(key, e);
            throw e;
        }
        long extra = data.transferTo(java.io.OutputStream.nullOutputStream());
        return size + extra;
    }

    private long putInParts(String key, InputStream data, long partSize) throws IOException {
        byte[] buffer = new byte[Math.toIntExact(partSize)];
        int n = data.readNBytes(buffer, 0, buffer.length);
        if (n < buffer.length) {
            client.putObject(b -> b.bucket(settings.bucket()).key(key).contentLength((long) n),
                    RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, n), n));
            return n;
        }
        String uploadId = client.createMultipartUpload(b -> b.bucket(settings.bucket()).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            int length = n;
            while (length > 0) {
                int number = parts.size() + 1;
                int partLength = length;
                String etag = client.uploadPart(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId)
                                .partNumber(number).contentLength((long) partLength),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, partLength), partLength)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                total += partLength;
                length = partLength < buffer.length ? 0 : data.readNBytes(buffer, 0, buffer.length);
            }
            client.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts)));
            return total;
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    @Override
    public void removeRemainsOf(String imageId) throws IOException {
        try {
            var uploads = client.listMultipartUploadsPaginator(b -> b.bucket(settings.bucket()).prefix(imageId));
            uploads.uploads().stream().filter(u -> u.key().equals(imageId)).forEach(u -> client.abortMultipartUpload(
                    b -> b.bucket(settings.bucket()).key(imageId).uploadId(u.uploadId())));
            client.deleteObject(b -> b.bucket(settings.bucket()).key(imageId));
        } catch (NoSuchBucketException e) {
            // Nothing was ever written.
        } catch (SdkException e) {
            throw new IOException("S3 could not remove the remains of image " + imageId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Some S3-compatible servers keep what arrived of a PUT whose client gave up (s3proxy did): delete the key,
     * and again if the server was still finishing the write, so a failed upload leaves nothing.
     */
    private void removeRemains(String key, Exception cause) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                client.deleteObject(b -> b.bucket(settings.bucket()).key(key));
                Thread.sleep(100);
                client.headObject(b -> b.bucket(settings.bucket()).key(key));
            } catch (NoSuchKeyException gone) {
                return;
            } catch (SdkException e) {
                if (e instanceof S3Exception s3 && s3.statusCode() == 404) {
                    return;
                }
                cause.addSuppressed(e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void abort(String key, String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureBucket() throws IOException {
        if (bucketReady) {
            return;
        }
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            if (!settings.createBucketOnPut()) {
                throw new IOException("Bucket " + settings.bucket() + " does not exist and"
                        + " s3_store_create_bucket_on_put is false");
            }
            client.createBucket(b -> b.bucket(settings.bucket()));
        }
        bucketReady = true;
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        String key = keyOf(location);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(settings.bucket()).key(key);
        if (offset > 0 || length > 0) {
            request.range("bytes=" + offset + "-" + (length > 0 ? String.valueOf(offset + length - 1) : ""));
        }
        try {
            return client.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new StoredDataNotFoundException(location);
        } catch (SdkException e) {
            throw failure("read the data", e);
        }
    }

    @Override
    public long size(String location) throws IOException {
        try {
            return client.headObject(b -> b.bucket(settings.bucket()).key(keyOf(location))).contentLength();
        } catch (NoSuchKeyException e) {
            throw new StoredDataNotFoundException(location);
        } catch (SdkException e) {
            throw failure("read the data's size", e);
        }
    }

    @Override
    public void delete(String location) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(keyOf(location)));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            // Already gone.
        } catch (SdkException e) {
            throw failure("delete the data", e);
        }
    }

    @Override
    public boolean owns(String location) {
        try {
            keyOf(location);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void probe() throws IOException {
        try {
            probeClient.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            if (!settings.createBucketOnPut()) {
                throw new IOException("Bucket " + settings.bucket() + " does not exist");
            }
        } catch (SdkException e) {
            throw failure("reach the bucket", e);
        }
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("s3_store_large_object_size", settings.largeObjectSize() / MIB,
                "s3_store_large_object_chunk_size", settings.largeObjectChunkSize() / MIB,
                "s3_store_thread_pools", settings.threadPools());
    }

    private String location(String key) {
        URI endpoint = settings.endpoint();
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        return scheme + "://" + endpoint.getHost() + port + "/" + settings.bucket() + "/" + key;
    }

    /** The object key of one of this store's locations; anything else is refused. */
    private String keyOf(String location) {
        String prefix = location("");
        if (location == null || !location.startsWith(prefix) || location.length() == prefix.length()
                || location.indexOf('/', prefix.length()) >= 0) {
            throw new IllegalArgumentException("not a location of store " + id);
        }
        return location.substring(prefix.length());
    }

    private static IOException failure(String what, SdkException e) {
        String reason = e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? s3.statusCode() + " " + s3.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
        return new IOException("Could not " + what + " in S3: " + reason, e);
    }
}
