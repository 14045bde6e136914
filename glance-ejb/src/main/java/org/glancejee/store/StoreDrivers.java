package org.glancejee.store;

import org.glancejee.config.StorageSettings;
import org.glancejee.store.filesystem.FilesystemImageStore;
import org.glancejee.store.http.HttpImageStore;
import org.glancejee.store.s3.S3ImageStore;
import org.glancejee.store.s3.S3StoreSettings;
import org.glancejee.store.swift.SwiftImageStore;
import org.glancejee.store.swift.SwiftStoreSettings;
import org.glancejee.store.spi.ImageStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Makes the driver of a configured store from its type and glance_store's option names. */
final class StoreDrivers {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private static final List<String> S3_OPTIONS = List.of("s3_store_host", "s3_store_region_name",
            "s3_store_access_key", "s3_store_secret_key", "s3_store_bucket", "s3_store_create_bucket_on_put",
            "s3_store_bucket_url_format", "s3_store_large_object_size", "s3_store_large_object_chunk_size",
            "s3_store_thread_pools");

    private static final List<String> SWIFT_OPTIONS = List.of("swift_store_auth_address", "swift_store_auth_version",
            "swift_store_user", "swift_store_key", "swift_store_project_name", "swift_store_user_domain_name",
            "swift_store_project_domain_name", "swift_store_region", "swift_store_endpoint_type",
            "swift_store_service_type", "swift_store_container", "swift_store_create_container_on_put",
            "swift_store_large_object_size", "swift_store_large_object_chunk_size", "swift_store_endpoint");

    private StoreDrivers() {
    }

    /** The options a driver knows that are set, by name. */
    private static Map<String, String> options(Function<String, Optional<String>> option, List<String> names) {
        Map<String, String> set = new HashMap<>();
        names.forEach(name -> option.apply(name).ifPresent(value -> set.put(name, value)));
        return set;
    }

    /**
     * {@code <data_dir>/images/<id>}; a store named "file" keeps the single-store directory, so images stored
     * before several stores were configured stay where their locations say.
     */
    private static Path defaultDirectory(String id, StorageSettings storage) {
        return id.equals(ImageStores.FILE_STORE_ID) ? storage.filesystemStoreDatadir()
                : storage.dataDir().resolve("images").resolve(id);
    }

    /**
     * @param option the store's options by glance_store's names
     * @throws IllegalArgumentException for an unknown type or settings the driver refuses
     */
    static ImageStore create(String id, String type, Function<String, Optional<String>> option,
                             StorageSettings storage) throws IOException {
        return switch (type) {
            case "file" -> new FilesystemImageStore(id, option.apply("filesystem_store_datadir").map(Path::of)
                    .orElse(defaultDirectory(id, storage)), storage.nodeName());
            case "http" -> new HttpImageStore(id, HTTP_TIMEOUT);
            case "s3" -> new S3ImageStore(id, S3StoreSettings.from(options(option, S3_OPTIONS)));
            case "swift" -> new SwiftImageStore(id, SwiftStoreSettings.from(options(option, SWIFT_OPTIONS)));
            default -> throw new IllegalArgumentException("unknown store type '" + type
                    + "' (this server has file, http, s3 and swift)");
        };
    }
}
