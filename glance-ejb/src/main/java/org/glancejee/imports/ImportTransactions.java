package org.glancejee.imports;

import org.glancejee.notifications.Notifier;
import org.glancejee.notifications.NotificationPayloads;
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
import org.glancejee.domain.ImportMethod;
import org.glancejee.domain.ImportRequest;
import org.glancejee.domain.ImportedData;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Task;
import org.glancejee.domain.TaskRepository;
import org.glancejee.service.ImageAuthorization;
import org.glancejee.service.VisibleImages;
import org.glancejee.store.DataCopy;
import org.glancejee.store.ImageStores;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The short transactions of staging and importing. Each commits on its own, so none is open while data
 * moves; the image's optimistic version makes two imports that race for one image collide here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportTransactions {
    private static final Logger LOG = Logger.getLogger(ImportTransactions.class.getName());

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    ImageRepository images;

    @Inject
    TaskRepository tasks;

    @Inject
    VisibleImages visibleImages;

    @Inject
    ImageAuthorization authorization;

    @Inject
    ImportSettings settings;

    @Inject
    ImageStores stores;

    @Inject
    Notifier notifier;

    private final Clock clock = Clock.systemUTC();

    // --- staging -------------------------------------------------------------------------------

    /** queued → uploading for {@code PUT /stage}: the caller must see the image and may modify it. */
    public void startStaging(RequestContext caller, String id, String node) {
        Image image = visibleImages.require(caller, id);
        authorization.enforce("modify_image", caller, image);
        image.startStaging(node, clock.instant());
    }

    public void finishStaging(String id, long size) {
        Image image = images.find(id).orElseThrow(() -> new GoneException("Image " + id
                + " could not be found after staging. The image may have been deleted during the upload."));
        image.staged(size, settings.selfReference().orElse(null), clock.instant());
    }

    public void abandonStaging(String id) {
        images.find(id).ifPresent(image -> image.abandonStaging(clock.instant()));
    }

    // --- import --------------------------------------------------------------------------------

    /**
     * Checks that the import may start, takes the image's import lock for a new pending task and returns the
     * task's id. A lock held by a live task refuses (409); a stale one is taken over. A copy to every store
     * of an image that is in all of them already has nothing to do: no task, empty.
     *
     * @param targets  resolves the stores the data goes to (empty: the one store without multi-store)
     * @param inputFor the task's input for the stores it will write to
     */
    public Optional<String> beginImport(RequestContext caller, String id, ImportRequest request,
                                        Supplier<List<String>> targets, Function<List<String>, String> inputFor,
                                        String node) {
        Instant now = clock.instant();
        Image image = visibleImages.require(caller, id);
        image.requireImportable(request.method());
        authorization.enforce(request.method() == ImportMethod.COPY_IMAGE ? "copy_image" : "modify_image",
                caller, image);
        Optional<String> holder = image.importTask();
        if (holder.isPresent()) {
            Optional<Task> other = tasks.find(holder.get());
            if (other.isPresent() && other.get().holdsImportLock(now)) {
                throw new ConflictException("Image has active task");
            }
            other.filter(t -> !t.status().finished()).ifPresent(t -> t.fail("Expired lock preempted",
                    settings.taskTimeToLive(), now));
            LOG.warning("Image " + id + " had a stale import lock of task " + holder.get() + "; taken over");
        }
        List<String> stores = targets.get();
        if (request.method() == ImportMethod.COPY_IMAGE) {
            List<String> present = images.activeLocations(id).stream().map(ImageLocation::store).toList();
            if (request.allStores()) {
                stores = stores.stream().filter(s -> !present.contains(s)).toList();
                if (stores.isEmpty()) {
                    return Optional.empty();
                }
            } else {
                List<String> wanted = stores.isEmpty() ? List.of(this.stores.defaultId()) : stores;
                for (String store : present) {
                    if (wanted.contains(store)) {
                        throw new InvalidInputException("Image is already present at store '" + store + "'");
                    }
                }
            }
        }
        Task task = Task.pending(Task.API_IMAGE_IMPORT, caller, id, inputFor.apply(stores), node, now);
        tasks.add(task);
        image.lockForImport(task.id(), request.method(), stores, now);
        em.lock(image, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        notifier.info("task.create", () -> NotificationPayloads.task(task));
        return Optional.of(task.id());
    }

    /**
     * A legacy import task ({@code POST /v2/tasks}) for an image just created for it: the task holds the
     * image's import lock and fills it as web-download would.
     */
    public Task beginLegacyImport(RequestContext caller, String imageId, String inputJson, String node) {
        Instant now = clock.instant();
        Image image = images.find(imageId).orElseThrow(() -> new GoneException("Image " + imageId + " is gone"));
        Task task = Task.pending(Task.LEGACY_IMPORT, caller, imageId, inputJson, node, now);
        tasks.add(task);
        image.lockForImport(task.id(), ImportMethod.WEB_DOWNLOAD, List.of(), now);
        notifier.info("task.create", () -> NotificationPayloads.task(task));
        return task;
    }

    /** pending → processing, and what the import needs to know of its image. */
    public ImportWork startProcessing(String taskId) {
        Task task = tasks.find(taskId).orElseThrow(() -> new GoneException("Task " + taskId + " is gone"));
        task.begin(clock.instant());
        notifier.info("task.run", () -> NotificationPayloads.task(task));
        notifier.info("task.processing", () -> NotificationPayloads.task(task));
        Image image = liveImage(task);
        ImportRequest request = ImportInput.fromTaskInput(task.type(), task.input());
        List<DataCopy> copies = images.activeLocations(image.id()).stream()
                .sorted(Comparator.comparing(ImageLocation::store, stores.byWeight()))
                .map(l -> new DataCopy(l.store(), l.url()))
                .toList();
        long staged = request.method() == ImportMethod.GLANCE_DIRECT && image.size() != null ? image.size() : 0;
        return new ImportWork(taskId, image.id(), request, image.diskFormat(), image.containerFormat(), staged,
                Map.copyOf(image.properties()), copies, image.checksum());
    }

    /** A progress note on a running task; false when the task is no longer processing and should stop. */
    public boolean progress(String taskId, String note) {
        Optional<Task> task = tasks.find(taskId);
        if (task.isEmpty() || task.get().status().finished()) {
            return false;
        }
        task.get().progress(note, clock.instant());
        return true;
    }

    /**
     * The data is in the stores: the image turns active (a copy stays active), the lock is released and the
     * task succeeds.
     *
     * @param data what was measured of new data; empty for a copy of data the image has
     * @param failed stores that did not take the data, when the import allowed that
     */
    public void completeImport(String taskId, List<DataCopy> stored, List<String> failed, Optional<ImportedData> data) {
        Instant now = clock.instant();
        Task task = tasks.find(taskId).orElseThrow(() -> new GoneException("Task " + taskId + " is gone"));
        Image image = liveImage(task);
        if (!image.importTask().map(taskId::equals).orElse(false)) {
            throw new ConflictException("The import lock of image " + image.id() + " was taken over");
        }
        stored.forEach(copy -> images.addLocation(ImageLocation.active(image.id(), copy.storeId(), copy.location(), now)));
        List<String> storeIds = stored.stream().map(DataCopy::storeId).toList();
        if (data.isPresent()) {
            image.completeImport(taskId, storeIds, failed, data.get(), now);
        } else {
            image.completeCopy(taskId, storeIds, failed, now);
        }
        task.succeed("{\"image_id\": \"" + image.id() + "\"}", settings.taskTimeToLive(), now);
        if (data.isPresent()) {
            notifier.info("image.upload", () -> NotificationPayloads.withImportStores(NotificationPayloads.image(image),
                    List.of(), failed, null));
            if (image.status() == ImageStatus.ACTIVE) {
                notifier.info("image.activate", () -> NotificationPayloads.image(image));
            }
        }
        notifier.info("task.success", () -> NotificationPayloads.task(task));
    }

    /** The import failed: the task says why, the image goes back to where it was, the lock is released. */
    public void failImport(String taskId, String why) {
        Instant now = clock.instant();
        tasks.find(taskId).ifPresent(task -> {
            if (!task.status().finished()) {
                task.fail(why, settings.taskTimeToLive(), now);
                notifier.info("task.failure", () -> NotificationPayloads.task(task));
            }
            images.find(task.imageId()).ifPresent(image -> image.failImport(taskId, targets(task), now));
        });
    }

    /** The stores a task was to write to, as its input records them. */
    static List<String> targets(Task task) {
        if (task.type().equals(Task.LOCATION_IMPORT)) {
            return List.of();
        }
        return ImportInput.fromTaskInput(task.type(), task.input()).stores();
    }

    private Image liveImage(Task task) {
        return images.find(task.imageId()).filter(i -> i.status() != ImageStatus.DELETED).orElseThrow(() ->
                new GoneException("Image has been deleted, aborting import."));
    }
}
