package org.glancejee.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.StorageSettings;
import org.glancejee.store.filesystem.FilesystemImageStore;
import org.glancejee.store.spi.ImageStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The stores this server writes to and reads from. For now one: the filesystem store. */
@ApplicationScoped
public class ImageStores {
    public static final String FILE_STORE_ID = "file";

    @Inject
    StorageSettings settings;

    private FilesystemImageStore fileStore;

    @PostConstruct
    void open() {
        try {
            fileStore = new FilesystemImageStore(FILE_STORE_ID, settings.filesystemStoreDatadir(), settings.nodeName());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file store directory", e);
        }
    }

    /** Where new image data goes. */
    public ImageStore defaultStore() {
        return fileStore;
    }

    public Optional<ImageStore> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<ImageStore> all() {
        return List.of(fileStore);
    }

    public FilesystemImageStore fileStore() {
        return fileStore;
    }
}
