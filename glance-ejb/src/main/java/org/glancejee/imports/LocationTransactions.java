package org.glancejee.imports;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.glancejee.config.ImportSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.GoneException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Task;
import org.glancejee.domain.TaskRepository;
import org.glancejee.domain.ValidationData;
import org.glancejee.service.ImageAuthorization;
import org.glancejee.service.VisibleImages;
import org.glancejee.store.DataCopy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The short transactions of a location import ({@code POST /v2/images/{id}/locations}), each its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LocationTransactions {

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    ImageRepository images;

    @Inject
    TaskRepository tasks;

    @Inject
    ImportSettings settings;

    @Inject
    VisibleImages visibleImages;

    @Inject
    ImageAuthorization authorization;

    private final Clock clock = Clock.systemUTC();

    /**
     * Records the location and a task for it, the image importing under the import lock; without hashing,
     * the image turns active at once with the digests the caller vouched for and the task succeeds.
     *
     * @param activateNow the digests to take as they are, when the data is not hashed
     */
    public String begin(RequestContext caller, String imageId, String storeId, String url, String inputJson,
                        Optional<ValidationData> activateNow, long size, String node) {
        Instant now = clock.instant();
        Image image = visibleImages.require(caller, imageId);
        authorization.enforce("add_image_location", caller, image);
        if (image.status() != ImageStatus.QUEUED) {
            throw new ConflictException("It's not allowed to add locations if image status is "
                    + image.status().apiName() + ".");
        }
        if (image.importTask().isPresent()) {
            throw new ConflictException("Image has active task");
        }
        Task task = Task.pending(Task.LOCATION_IMPORT, caller, image.id(), inputJson, node, now);
        tasks.add(task);
        images.addLocation(ImageLocation.active(image.id(), storeId, url, now));
        image.lockForLocationImport(task.id(), now);
        em.lock(image, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (activateNow.isPresent()) {
            ValidationData v = activateNow.get();
            image.activateWithRegisteredData(size, v.md5(), v.hashAlgorithm(), v.hashValue(), now);
            image.releaseImportLock(task.id());
            task.begin(now);
            task.succeed(result(image), settings.taskTimeToLive(), now);
        }
        return task.id();
    }

    /** pending → processing; the location whose data is to be hashed. */
    public DataCopy start(String taskId) {
        Task task = task(taskId);
        task.begin(clock.instant());
        List<ImageLocation> locations = images.activeLocations(task.imageId());
        if (locations.isEmpty()) {
            throw new GoneException("The image's location is gone");
        }
        ImageLocation location = locations.get(0);
        return new DataCopy(location.store(), location.url());
    }

    /** The data hashed to what the caller said: the image turns active with its size and digests. */
    public void complete(String taskId, long size, ValidationData digests) {
        Instant now = clock.instant();
        Task task = task(taskId);
        Image image = images.find(task.imageId()).filter(i -> i.status() == ImageStatus.IMPORTING)
                .orElseThrow(() -> new GoneException("Image has been deleted or changed, aborting."));
        image.activateWithRegisteredData(size, digests.md5(), digests.hashAlgorithm(), digests.hashValue(), now);
        image.releaseImportLock(taskId);
        task.succeed(result(image), settings.taskTimeToLive(), now);
    }

    /** The location is forgotten (its data is not ours), the image is queued again, the task says why. */
    public void fail(String taskId, String why) {
        Instant now = clock.instant();
        tasks.find(taskId).ifPresent(task -> {
            if (!task.status().finished()) {
                task.fail(why, settings.taskTimeToLive(), now);
            }
            images.find(task.imageId()).ifPresent(image -> {
                if (image.importTask().map(taskId::equals).orElse(false)) {
                    images.activeLocations(image.id()).forEach(l -> l.markDeleted(now));
                    image.failImport(taskId, List.of(), now);
                }
            });
        });
    }

    private Task task(String taskId) {
        return tasks.find(taskId).orElseThrow(() -> new GoneException("Task " + taskId + " is gone"));
    }

    private static String result(Image image) {
        return "{\"image_id\": \"" + image.id() + "\"}";
    }
}
