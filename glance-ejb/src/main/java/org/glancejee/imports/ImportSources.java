package org.glancejee.imports;


import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.ImportFilteringSettings;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ImportMethod;
import org.glancejee.imports.web.WebDownloader;
import org.glancejee.store.DataCopy;
import org.glancejee.store.ImageStores;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.StagingArea;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;

/** Brings an import's data into the staging area, the way its method says. */
@ApplicationScoped
public class ImportSources {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    StagingArea staging;

    @Inject
    ImageStores stores;

    @Inject
    StorageSettings storage;

    @Inject
    ImportFilteringSettings filtering;

    @Inject
    GlanceDownload glanceDownload;

    private WebDownloader web;

    @PostConstruct
    void open() {
        web = new WebDownloader(filtering.uriPolicy(), CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /** Refuses (400) a web-download URI the import filtering does not allow, before anything is fetched. */
    public void checkWebUri(String uri) {
        web.check(uri);
    }

    /**
     * Makes sure the image's data is staged, fetching it if the method brings it from elsewhere.
     *
     * @param token the caller's Keystone token, which glance-download shows to the other region
     * @return for glance-download, the remote image whose formats and properties the image takes
     */
    public Optional<GlanceDownload.RemoteImage> fill(ImportWork work, LongConsumer progress, Optional<String> token)
            throws IOException {
        if (work.method() == ImportMethod.GLANCE_DOWNLOAD) {
            GlanceDownload.RemoteImage remote = glanceDownload.metadata(work.request(), token);
            Path scratch = staging.scratch(work.imageId(), "download");
            glanceDownload.download(remote, token, scratch, storage.imageSizeCap(), progress);
            staging.replace(work.imageId(), scratch);
            return Optional.of(remote);
        }
        switch (work.method()) {
            case GLANCE_DIRECT -> {
                if (!staging.holds(work.imageId())) {
                    throw new ConflictException("The staged data of image " + work.imageId()
                            + " is missing; stage it again.");
                }
            }
            case WEB_DOWNLOAD -> download(work, progress);
            case COPY_IMAGE -> copyFromStore(work);
            default -> throw new IllegalStateException("no data source for " + work.method().apiName());
        }
        return Optional.empty();
    }

    /** copy-image stages the image's data from the first of its stores that answers, as a download would. */
    private void copyFromStore(ImportWork work) throws IOException {
        IOException last = new IOException("Image " + work.imageId() + " has no data to copy");
        for (DataCopy copy : work.copies()) {
            Optional<ImageStore> store = stores.byId(copy.storeId());
            if (store.isEmpty()) {
                continue;
            }
            Path scratch = staging.scratch(work.imageId(), "copy");
            try (InputStream in = store.get().open(copy.location(), 0, -1)) {
                Files.copy(in, scratch, StandardCopyOption.REPLACE_EXISTING);
                staging.replace(work.imageId(), scratch);
                return;
            } catch (IOException e) {
                Files.deleteIfExists(scratch);
                last = e;
            }
        }
        throw last;
    }

    private void download(ImportWork work, LongConsumer progress) throws IOException {
        Path scratch = staging.scratch(work.imageId(), "download");
        web.download(work.request().uri().orElse(null), scratch, storage.imageSizeCap(), progress);
        staging.replace(work.imageId(), scratch);
    }
}
