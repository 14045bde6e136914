package org.glancejee.store.swift;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import static org.glancejee.store.spi.StoreOptions.mebibytes;
import java.util.Optional;

/**
 * A swift store's settings, by glance_store's option names (single-tenant: one account for all images).
 *
 * @param authVersion         1: tempauth/swauth ({@code swift_store_user} is {@code account:user}); 3: Keystone v3
 * @param largeObjectSize     bytes from which data is written in segments under a static large object
 * @param largeObjectChunkSize bytes per segment
 * @param endpoint            a storage URL to use instead of the one authentication returns
 */
public record SwiftStoreSettings(URI authAddress, String authVersion, String user, String key,
                                 String projectName, String userDomainName, String projectDomainName,
                                 Optional<String> region, String endpointInterface, String serviceType,
                                 String container, boolean createContainerOnPut, long largeObjectSize,
                                 long largeObjectChunkSize, Optional<URI> endpoint) {
    @Override
    public String toString() {
        return "SwiftStoreSettings[auth=" + authAddress + ", container=" + container + "]";
    }

    /** @throws IllegalArgumentException naming the option that is missing or wrong */
    public static SwiftStoreSettings from(Map<String, String> options) {
        String version = options.getOrDefault("swift_store_auth_version", "3").strip();
        if (!version.equals("1") && !version.equals("3")) {
            throw new IllegalArgumentException("swift_store_auth_version must be 1 (tempauth) or 3 (Keystone v3)");
        }
        String container = options.getOrDefault("swift_store_container", "glance");
        if (container.isBlank() || container.contains("/")) {
            throw new IllegalArgumentException("swift_store_container must be a container name without '/'");
        }
        long chunk = mebibytes(options, "swift_store_large_object_chunk_size", 200);
        if (chunk == 0) {
            throw new IllegalArgumentException("swift_store_large_object_chunk_size must be at least 1 MiB");
        }
        String endpointType = options.getOrDefault("swift_store_endpoint_type", "publicURL");
        return new SwiftStoreSettings(URI.create(required(options, "swift_store_auth_address")), version,
                required(options, "swift_store_user"), required(options, "swift_store_key"),
                version.equals("3") ? required(options, "swift_store_project_name") : "",
                options.getOrDefault("swift_store_user_domain_name", "Default"),
                options.getOrDefault("swift_store_project_domain_name", "Default"),
                Optional.ofNullable(options.get("swift_store_region")),
                endpointType.toLowerCase(Locale.ROOT).replace("url", ""),
                options.getOrDefault("swift_store_service_type", "object-store"), container,
                Boolean.parseBoolean(options.getOrDefault("swift_store_create_container_on_put", "false")),
                mebibytes(options, "swift_store_large_object_size", 5120), chunk,
                Optional.ofNullable(options.get("swift_store_endpoint")).map(URI::create));
    }

    private static String required(Map<String, String> options, String name) {
        return org.glancejee.store.spi.StoreOptions.required(options, name, "swift");
    }
}
