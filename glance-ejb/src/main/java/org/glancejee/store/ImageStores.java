package org.glancejee.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.StorageSettings;
import org.glancejee.config.StoreSettings;
import org.glancejee.domain.StoreUnavailableException;
import org.glancejee.store.filesystem.FilesystemImageStore;
import org.glancejee.store.spi.ImageStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stores this server writes to and reads from. Without {@code enabled_backends}, one filesystem store
 * named "file", as Glance without multi-store. With it, each configured store; one that cannot be set up
 * is logged and kept as unavailable (its images answer 503) instead of stopping the server.
 */
@ApplicationScoped
public class ImageStores {
    private static final Logger LOG = Logger.getLogger(ImageStores.class.getName());
    public static final String FILE_STORE_ID = "file";

    @Inject
    StorageSettings storage;

    @Inject
    StoreSettings settings;

    private final Map<String, ConfiguredStore> stores = new LinkedHashMap<>();
    private final Map<String, StoreTraffic> traffic = new ConcurrentHashMap<>();
    private final List<FilesystemImageStore> filesystemStores = new ArrayList<>();
    private boolean multiStore;
    private String defaultId;

    @PostConstruct
    void open() {
        multiStore = settings.multiStore();
        if (!multiStore) {
            try {
                FilesystemImageStore file = new FilesystemImageStore(FILE_STORE_ID, storage.filesystemStoreDatadir(),
                        storage.nodeName());
                filesystemStores.add(file);
                stores.put(FILE_STORE_ID, new ConfiguredStore(FILE_STORE_ID, "file", Optional.empty(), 0, true,
                        Optional.of(metered(file)), Optional.empty()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the file store directory", e);
            }
            defaultId = FILE_STORE_ID;
            return;
        }
        List<StoreSettings.Backend> backends = settings.backends();
        defaultId = settings.defaultBackend().orElseGet(() -> {
            String first = backends.get(0).id();
            LOG.warning("glance_store.default_backend is not set; new images go to the first store, '" + first + "'");
            return first;
        });
        for (StoreSettings.Backend backend : backends) {
            stores.put(backend.id(), configure(backend));
        }
        if (!stores.containsKey(defaultId)) {
            LOG.severe("glance_store.default_backend '" + defaultId + "' is not in enabled_backends: uploads"
                    + " without X-Image-Meta-Store will fail");
        }
    }

    private ConfiguredStore configure(StoreSettings.Backend backend) {
        String id = backend.id();
        Optional<String> description = settings.option(id, "store_description");
        int weight = settings.option(id, "weight").map(Integer::parseInt).orElse(0);
        boolean isDefault = id.equals(defaultId);
        try {
            ImageStore driver = StoreDrivers.create(id, backend.type(), name -> settings.option(id, name), storage);
            refuseSharedDirectory(driver);
            if (driver instanceof FilesystemImageStore file) {
                filesystemStores.add(file);
            }
            LOG.info("Store '" + id + "' (" + backend.type() + ") ready" + (isDefault ? ", the default" : ""));
            return new ConfiguredStore(id, backend.type(), description, weight, isDefault, Optional.of(metered(driver)),
                    Optional.empty());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Store '" + id + "' (" + backend.type() + ") cannot be set up and is"
                    + " unavailable: " + e.getMessage(), e);
            return new ConfiguredStore(id, backend.type(), description, weight, isDefault, Optional.empty(),
                    Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Two file stores in one directory would take each other's files for leftovers and delete them. */
    private void refuseSharedDirectory(ImageStore driver) {
        if (driver instanceof FilesystemImageStore file) {
            filesystemStores().stream().filter(other -> other.directory().equals(file.directory())).findFirst()
                    .ifPresent(other -> {
                        throw new IllegalArgumentException("filesystem_store_datadir " + file.directory()
                                + " is already the directory of store '" + other.id() + "'");
                    });
        }
    }

    /** Whether the operator configured several stores (enabled_backends); the store API exists only then. */
    public boolean multiStore() {
        return multiStore;
    }

    public String defaultId() {
        return defaultId;
    }

    /** Where new image data goes when the request names no store. */
    public ImageStore defaultStore() {
        return driver(defaultId);
    }

    /** Every configured store, working or not, in configuration order. */
    public Collection<ConfiguredStore> configured() {
        return stores.values();
    }

    public Optional<ConfiguredStore> configured(String id) {
        return Optional.ofNullable(stores.get(id));
    }

    /** The working driver of a store. */
    public Optional<ImageStore> byId(String id) {
        return configured(id).flatMap(ConfiguredStore::driver);
    }

    /**
     * The driver of a configured store.
     *
     * @throws StoreUnavailableException when the store could not be set up (503)
     */
    public ImageStore driver(String id) {
        return byId(id).orElseThrow(() -> new StoreUnavailableException("Store " + id + " is not available right now."));
    }

    /** Glance's all_stores: every store that takes data (not http), leaving out those that could not be set up. */
    public List<String> writableIds() {
        return stores.values().stream().filter(s -> !s.readOnly() && s.driver().isPresent())
                .map(ConfiguredStore::id).toList();
    }

    /** Higher weight first; locations of unknown stores last. */
    public Comparator<String> byWeight() {
        return Comparator.comparingInt((String id) -> configured(id).map(ConfiguredStore::weight).orElse(Integer.MIN_VALUE))
                .reversed();
    }

    /** The store a location URL points into, the first configured that claims it. */
    public Optional<ConfiguredStore> owning(String location) {
        return stores.values().stream()
                .filter(s -> s.driver().map(d -> d.owns(location)).orElse(false))
                .findFirst();
    }

    /** The filesystem stores, whose crash leftovers this server cleans at start. */
    public List<FilesystemImageStore> filesystemStores() {
        return List.copyOf(filesystemStores);
    }

    /** What went through a store since start (all zero for a store that could not be set up). */
    public StoreTraffic traffic(String id) {
        return traffic.computeIfAbsent(id, ignored -> new StoreTraffic());
    }

    private ImageStore metered(ImageStore driver) {
        return new MeteredImageStore(driver, traffic(driver.id()));
    }
}
