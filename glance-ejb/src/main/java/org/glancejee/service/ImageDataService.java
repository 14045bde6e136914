package org.glancejee.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.StorageQuota;
import org.glancejee.domain.StoreUnavailableException;
import org.glancejee.imagedata.ByteRange;
import org.glancejee.imagedata.ClientDataException;
import org.glancejee.imagedata.ClientInputStream;
import org.glancejee.imagedata.DigestWorkers;
import org.glancejee.imagedata.ParallelDigests;
import org.glancejee.imagedata.SizeCappedInputStream;
import org.glancejee.store.ImageStores;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoreFullException;
import org.glancejee.store.spi.StoredData;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    DigestWorkers workers;

    @Inject
    ImageQuotas quotas;

    /**
     * @param declaredSize  the size the client announced (x-openstack-image-size, else Content-Length), or -1
     * @param contentLength the request's Content-Length when more than 0, else -1: what Glance checks the
     *                      storage quota against before streaming
     */
    public void upload(RequestContext caller, String id, InputStream body, long declaredSize, long contentLength) {
        if (declaredSize > settings.imageSizeCap()) {
            throw tooLarge();
        }
        quotas.checkUploadStart(caller);
        transactions.startSaving(caller, id, settings.nodeName());
        long quotaAllowance;
        try {
            quotaAllowance = quotas.checkSaving(caller, id, contentLength);
        } catch (RuntimeException e) {
            transactions.abandonSaving(id);
            throw e;
        }
        ImageStore store = stores.defaultStore();
        String algorithm = settings.hashingAlgorithm();
        StoredData stored = null;
        ParallelDigests digests = new ParallelDigests(new ClientInputStream(body), workers.executor(),
                "MD5", jcaName(algorithm));
        InputStream withinQuota = quotaAllowance == Long.MAX_VALUE ? digests
                : new SizeCappedInputStream(digests, quotaAllowance, StorageQuota::exceededWhileStreaming);
        try {
            stored = store.add(id, new SizeCappedInputStream(withinQuota, settings.imageSizeCap()), declaredSize);
            if (declaredSize >= 0 && stored.size() != declaredSize) {
                throw new InvalidInputException("Size of the uploaded data (" + stored.size()
                        + ") does not match the declared size (" + declaredSize + ").");
            }
            quotas.recheckStored(caller, id, stored.size());
            List<String> hex = digests.finish();
            transactions.finishSaving(id, store.id(), stored, hex.get(0), algorithm, hex.get(1));
        } catch (IOException | RuntimeException e) {
            digests.abandon();
            if (stored != null) {
                deleteQuietly(store, stored.location());
            }
            transactions.abandonSaving(id);
            throw translate(e);
        }
    }

    /** What a download will stream, or empty for an image without data. Runs in its own short transaction. */
    public Optional<DownloadPlan> planDownload(RequestContext caller, String id) {
        return transactions.planDownload(caller, id);
    }

    /** Opens the planned data, whole or one range, outside any transaction. */
    public InputStream open(DownloadPlan plan, Optional<ByteRange> range) {
        ImageStore store = stores.byId(plan.storeId()).orElseThrow(() ->
                new StoreUnavailableException("The store holding this image is not configured on this server."));
        try {
            return range.isPresent()
                    ? store.open(plan.location(), range.get().first(), range.get().length())
                    : store.open(plan.location(), 0, -1);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read data of image " + plan.imageId(), e);
            throw new StoreUnavailableException("The image data is not available from its store right now.");
        }
    }

    /** Glance's multihash names (sha512, sha256, ...) as Java knows them. */
    static String jcaName(String glanceName) {
        String name = glanceName.toLowerCase(Locale.ROOT);
        if (name.startsWith("sha3_")) {
            return "SHA3-" + name.substring(5);
        }
        if (name.startsWith("sha") && !name.contains("-")) {
            return "SHA-" + name.substring(3);
        }
        return glanceName.toUpperCase(Locale.ROOT);
    }

    private RuntimeException translate(Exception e) {
        if (e instanceof GlanceException g) {
            return g;
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

    private static void deleteQuietly(ImageStore store, String location) {
        try {
            store.delete(location);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove data of a failed upload; the scrubber will retry", e);
        }
    }
}
