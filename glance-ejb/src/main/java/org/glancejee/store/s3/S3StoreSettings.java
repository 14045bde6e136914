package org.glancejee.store.s3;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import static org.glancejee.store.spi.StoreOptions.mebibytes;

/**
 * An s3 store's settings, by glance_store's option names.
 *
 * @param endpoint            {@code s3_store_host}: the server's URL (a bare host means https)
 * @param largeObjectSize     bytes from which data goes as a multipart upload ({@code s3_store_large_object_size},
 *                            MiB; 0: always)
 * @param largeObjectChunkSize bytes per part at least ({@code s3_store_large_object_chunk_size}, MiB)
 * @param pathStyle           {@code s3_store_bucket_url_format}: path, or auto for anything but Amazon's own hosts
 */
public record S3StoreSettings(URI endpoint, String region, String accessKey, String secretKey, String bucket,
                              boolean createBucketOnPut, boolean pathStyle, long largeObjectSize,
                              long largeObjectChunkSize, int threadPools) {
    private static final long MIB = 1 << 20;
    /** S3 refuses parts under 5 MiB (except the last). */
    static final long MIN_PART = 5 * MIB;

    @Override
    public String toString() {
        return "S3StoreSettings[endpoint=" + endpoint + ", bucket=" + bucket + "]";
    }

    /** @throws IllegalArgumentException naming the option that is missing or wrong */
    public static S3StoreSettings from(Map<String, String> options) {
        String host = required(options, "s3_store_host");
        URI endpoint = URI.create(host.contains("://") ? host : "https://" + host);
        String format = options.getOrDefault("s3_store_bucket_url_format", "auto").toLowerCase(Locale.ROOT);
        boolean pathStyle = switch (format) {
            case "path" -> true;
            case "virtual" -> false;
            case "auto" -> endpoint.getHost() == null || !endpoint.getHost().endsWith("amazonaws.com");
            default -> throw new IllegalArgumentException("s3_store_bucket_url_format must be auto, path or virtual");
        };
        long chunk = Math.max(MIN_PART, mebibytes(options, "s3_store_large_object_chunk_size", 10));
        return new S3StoreSettings(endpoint, options.getOrDefault("s3_store_region_name", "us-east-1"),
                required(options, "s3_store_access_key"), required(options, "s3_store_secret_key"),
                required(options, "s3_store_bucket"),
                Boolean.parseBoolean(options.getOrDefault("s3_store_create_bucket_on_put", "false")),
                pathStyle, mebibytes(options, "s3_store_large_object_size", 100), chunk,
                Integer.parseInt(options.getOrDefault("s3_store_thread_pools", "10")));
    }

    private static String required(Map<String, String> options, String name) {
        return org.glancejee.store.spi.StoreOptions.required(options, name, "s3");
    }
}
