package org.glancejee.service;

import jakarta.json.JsonValue;
import org.glancejee.notifications.NotificationPayloads;
import org.glancejee.notifications.Notifier;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.glancejee.cache.ImageCache;
import org.glancejee.config.ImageFormatSettings;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.ImageFormatRules;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.StorageQuota;
import org.glancejee.domain.StoreUnavailableException;
import org.glancejee.imagedata.ByteRange;
import org.glancejee.imagedata.ClientDataException;
import org.glancejee.imagedata.ClientInputStream;
import org.glancejee.imagedata.SizeCappedInputStream;
import org.glancejee.imagedata.formats.FormatInspector;
import org.glancejee.imagedata.formats.ImageContent;
import org.glancejee.imagedata.formats.InspectingInputStream;
import org.glancejee.domain.GoneException;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.DataCopy;
import org.glancejee.store.ImageStores;
import org.glancejee.store.spi.ReadOnlyStoreException;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoreFullException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Uploads and downloads of image data. An upload is: a short transaction (queued → saving), the stream
 * through the digests and the size cap into the store with no transaction open, and a short transaction
 * (saving → active). Any failure puts the image back to queued and deletes what was written.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImageDataService {
    private static final Logger LOG = Logger.getLogger(ImageDataService.class.getName());

    @Inject
    ImageDataTransactions transactions;

    @Inject
    ImageStores stores;

    @Inject
    StorageSettings settings;

    @Inject
    StoreWriter writer;

    @Inject
    ImageFormatSettings imageFormats;

    @Inject
    ImageQuotas quotas;

    @Inject
    ImageCache cache;

    @Inject
    Notifier notifier;

    /**
     * @param declaredSize  the size the client announced (x-openstack-image-size, else Content-Length), or -1
     * @param contentLength the request's Content-Length when more than 0, else -1: what Glance checks the
     *                      storage quota against before streaming
     */
    public void upload(RequestContext caller, String id, InputStream body, long declaredSize, long contentLength,
                       Optional<String> requestedStore) {
        ImageStore target = uploadTarget(requestedStore);
        if (declaredSize > settings.imageSizeCap()) {
            throw tooLarge();
        }
        quotas.checkUploadStart(caller);
        ImageDataTransactions.DeclaredFormats formats = transactions.startSaving(caller, id, settings.nodeName());
        StoreWriter.Written written = null;
        try {
            long quotaAllowance = quotas.checkSaving(caller, id, contentLength);
            FormatInspector inspector = new FormatInspector(imageFormats.vmdkAllowedTypes());
            written = writer.write(target, id, new ClientInputStream(body), declaredSize,
                    hashed -> new InspectingInputStream(new SizeCappedInputStream(
                            withinQuota(hashed, quotaAllowance), settings.imageSizeCap()), inspector),
                    stored -> {
                        if (declaredSize >= 0 && stored.size() != declaredSize) {
                            throw new InvalidInputException("Size of the uploaded data (" + stored.size()
                                    + ") does not match the declared size (" + declaredSize + ").");
                        }
                        quotas.recheckStored(caller, id, stored.size());
                    });
            ImageContent content = inspector.result(written.stored().size());
            Optional<Long> virtualSize = ImageFormatRules.check(formats.disk(), formats.container(),
                    content.format(), content.virtualSize(), content.unsafe(), imageFormats.requireImageFormatMatch());
            transactions.finishSaving(id, written.storeId(), written.stored(), written.md5(),
                    written.hashAlgorithm(), written.hashValue(), virtualSize);
        } catch (IOException | RuntimeException e) {
            if (written != null) {
                writer.discard(written.storeId(), written.stored().location());
            }
            transactions.abandonSaving(id);
            RuntimeException refusal = translate(e);
            notifier.error("image.upload", "Failed to upload image data for image " + id + ": "
                    + refusal.getMessage());
            throw refusal;
        }
    }

    private static InputStream withinQuota(InputStream in, long allowance) {
        return allowance == Long.MAX_VALUE ? in
                : new SizeCappedInputStream(in, allowance, StorageQuota::exceededWhileStreaming);
    }

    /** What a download will stream, or empty for an image without data. Runs in its own short transaction. */
    public Optional<DownloadPlan> planDownload(RequestContext caller, String id) {
        return transactions.planDownload(caller, id);
    }

    /**
     * Opens the planned data, whole or one range, outside any transaction. A whole download of a cacheable
     * image comes from this server's image cache when it is there, and fills the cache when it is not;
     * ranges always come from the stores, as in Glance.
     */
    public InputStream open(DownloadPlan plan, Optional<ByteRange> range) {
        if (range.isPresent() || !plan.cacheable()) {
            return openStored(plan, range);
        }
        Optional<InputStream> cached = cache.openCached(plan.imageId());
        if (cached.isPresent()) {
            return cached.get();
        }
        return cache.filling(plan.imageId(), plan.size(), plan.checksum(), openStored(plan, range));
    }

    /**
     * Reports a download's end as Glance's image.send: who got how many bytes of whose image, at priority
     * ERROR when fewer than {@code expected} went out (the client went away, a store failed mid-way).
     */
    public void sent(RequestContext caller, DownloadPlan plan, long expected, long sent) {
        Supplier<JsonValue> payload = () -> NotificationPayloads.send(plan.imageId(), plan.owner(),
                caller.projectId(), caller.userId(), sent);
        if (sent == expected) {
            notifier.info("image.send", payload);
        } else {
            notifier.error("image.send", payload);
        }
    }

    /** Opens the whole planned data from the stores, past this server's cache (for background readers). */
    public InputStream openFromStores(DownloadPlan plan) {
        return openStored(plan, Optional.empty());
    }

    /**
     * The first stored copy that opens, in the plan's order, so a store that is down or lost its copy does
     * not stop the download.
     */
    private InputStream openStored(DownloadPlan plan, Optional<ByteRange> range) {
        for (DataCopy source : plan.sources()) {
            Optional<ImageStore> store = stores.byId(source.storeId());
            if (store.isEmpty()) {
                LOG.warning("Image " + plan.imageId() + " has data in store '" + source.storeId()
                        + "', which is not available");
                continue;
            }
            try {
                return range.isPresent()
                        ? store.get().open(source.location(), range.get().first(), range.get().length())
                        : store.get().open(source.location(), 0, -1);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot read data of image " + plan.imageId() + " from store '"
                        + source.storeId() + "'", e);
            }
        }
        throw new StoreUnavailableException("The image data is not available from its store right now.");
    }

    /** The store an upload writes to: X-Image-Meta-Store or the default (the header counts with several stores only). */
    private ImageStore uploadTarget(Optional<String> requested) {
        if (!stores.multiStore()) {
            return stores.defaultStore();
        }
        String id = requested.map(String::strip).orElse(stores.defaultId());
        ConfiguredStore store = stores.configured(id).orElseThrow(() ->
                new InvalidInputException("Store for identifier " + id + " not found"));
        if (store.readOnly()) {
            throw storeAddDisabled();
        }
        return stores.driver(id);
    }

    private static GoneException storeAddDisabled() {
        return new GoneException("Error in store configuration. Adding images to store is disabled.");
    }

    private RuntimeException translate(Exception e) {
        if (e instanceof GlanceException g) {
            return g;
        }
        if (e instanceof ReadOnlyStoreException) {
            return storeAddDisabled();
        }
        if (e instanceof StoreFullException) {
            return new LimitExceededException("Image storage media is full: There is not enough disk space on the"
                    + " image storage media.");
        }
        if (e instanceof ClientDataException) {
            return new InvalidInputException("The image data was not received completely: the client stopped"
                    + " sending before the end.");
        }
        LOG.log(Level.WARNING, "Upload failed in the store", e);
        return new StoreUnavailableException("Error in store configuration. Adding images to store is disabled.");
    }

    private LimitExceededException tooLarge() {
        return new LimitExceededException("The incoming image is too large: The provided image is too large.");
    }
}
