package org.glancejee.imports;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.store.StagingArea;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.ImportRequest;
import org.glancejee.store.ImageStores;
import org.glancejee.store.spi.ImageStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongConsumer;

/** Brings an import's data into the staging area, the way its method says. */
@ApplicationScoped
public class ImportSources {

    @Inject
    StagingArea staging;

    @Inject
    ImageStores stores;

    @Inject
    StorageSettings storage;

    /** Refuses (400) a web-download URI the import filtering does not allow, before anything is fetched. */
    public void checkWebUri(String uri) {
        if (uri == null || !isHttp(uri)) {
            throw new InvalidInputException("URI for web-download does not pass filtering: " + uri);
        }
    }

    /** Makes sure the image's data is staged, fetching or copying it if the method brings it from elsewhere. */
    public void fill(ImportWork work, ImportRequest request, LongConsumer progress) throws IOException {
        switch (work.method()) {
            case GLANCE_DIRECT -> {
                if (!staging.holds(work.imageId())) {
                    throw new ConflictException("The staged data of image " + work.imageId()
                            + " is missing; stage it again.");
                }
            }
            case COPY_IMAGE -> copyFromStore(work, progress);
            case WEB_DOWNLOAD -> throw new ConflictException("web-download is not available yet");
            case GLANCE_DOWNLOAD -> throw new ConflictException("glance-download is not available yet");
        }
    }

    private void copyFromStore(ImportWork work, LongConsumer progress) throws IOException {
        ImportWork.SourceData source = work.source().orElseThrow(() ->
                new ConflictException("Image " + work.imageId() + " has no data to copy"));
        ImageStore store = stores.byId(source.storeId()).orElseThrow(() ->
                new ConflictException("The store holding image " + work.imageId() + " is not configured"));
        Path scratch = staging.scratch(work.imageId(), "copy");
        try (InputStream in = store.open(source.location(), 0, -1)) {
            Files.copy(in, scratch, StandardCopyOption.REPLACE_EXISTING);
            progress.accept(Files.size(scratch));
            staging.replace(work.imageId(), scratch);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static boolean isHttp(String uri) {
        try {
            String scheme = URI.create(uri).getScheme();
            return "http".equals(scheme) || "https".equals(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
