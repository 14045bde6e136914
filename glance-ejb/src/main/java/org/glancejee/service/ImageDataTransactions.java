package org.glancejee.service;

import org.glancejee.notifications.Notifier;
import org.glancejee.notifications.NotificationPayloads;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.GoneException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.RequestContext;
import org.glancejee.store.DataCopy;
import org.glancejee.store.ImageStores;
import org.glancejee.store.spi.StoredData;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The short transactions around a data transfer. Each runs and commits on its own, so no transaction is
 * open while bytes flow; the optimistic version check makes two concurrent uploads of one image collide
 * here (409) rather than in the store.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImageDataTransactions {

    @Inject
    ImageRepository images;

    @Inject
    ImageAuthorization authorization;

    @Inject
    VisibleImages visibleImages;

    @Inject
    ImageStores stores;

    @Inject
    Notifier notifier;

    private final Clock clock = Clock.systemUTC();

    /** queued → saving, for this caller and this server; returns the formats the data must match. */
    public DeclaredFormats startSaving(RequestContext caller, String id, String node) {
        Image image = visibleImages.require(caller, id);
        authorization.enforce("upload_image", caller, image);
        // Glance tells of the upload before it starts, while the image is still queued
        notifier.info("image.prepare", () -> NotificationPayloads.withImportStores(NotificationPayloads.image(image),
                List.of(), List.of(), null));
        image.startSaving(node, clock.instant());
        return new DeclaredFormats(image.diskFormat(), image.containerFormat());
    }

    /** The disk and container formats an image declares. */
    public record DeclaredFormats(String disk, String container) {
    }

    /** saving → active with the measured data; a deleted image refuses (410) and the caller drops the data. */
    public void finishSaving(String id, String storeId, StoredData stored, String md5, String hashAlgorithm,
                             String hashValue, Optional<Long> virtualSize) {
        Image image = images.find(id).filter(i -> i.status() == ImageStatus.SAVING).orElseThrow(() ->
                new GoneException("Image " + id + " could not be found after upload. The image may have been"
                        + " deleted during the upload."));
        images.addLocation(ImageLocation.active(id, storeId, stored.location(), clock.instant()));
        image.activate(stored.size(), md5, hashAlgorithm, hashValue, virtualSize, clock.instant());
        notifier.info("image.upload", () -> NotificationPayloads.withImportStores(NotificationPayloads.image(image),
                List.of(), List.of(), null));
        notifier.info("image.activate", () -> NotificationPayloads.image(image));
    }

    /** saving → queued after a failed transfer. */
    public void abandonSaving(String id) {
        images.find(id).ifPresent(image -> image.abandonSaving(clock.instant()));
    }

    /** What to stream for a download, or empty when the image has no data yet (204). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<DownloadPlan> planDownload(RequestContext caller, String id) {
        Image image = visibleImages.require(caller, id);
        if (image.status() == ImageStatus.DEACTIVATED && !caller.admin()) {
            throw new ForbiddenException("The requested image has been deactivated. Image data download is"
                    + " forbidden.");
        }
        authorization.enforce("download_image", caller, image);
        return plan(image);
    }

    /** What the server's own readers (cache prefetcher, replicator) stream: an active image's data, for anyone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<DownloadPlan> planActive(String id) {
        return images.find(id).filter(image -> image.status() == ImageStatus.ACTIVE).flatMap(this::plan);
    }

    private Optional<DownloadPlan> plan(Image image) {
        if (!image.hasData()) {
            return Optional.empty();
        }
        List<ImageLocation> locations = images.activeLocations(image.id());
        if (locations.isEmpty()) {
            return Optional.empty();
        }
        List<DataCopy> sources = locations.stream()
                .sorted(Comparator.comparing(ImageLocation::store, stores.byWeight()))
                .map(l -> new DataCopy(l.store(), l.url()))
                .toList();
        boolean cacheable = image.status() == ImageStatus.ACTIVE && image.checksum() != null;
        return Optional.of(new DownloadPlan(image.id(), image.size(), image.checksum(), sources, cacheable,
                image.owner()));
    }
}
