package org.glancejee.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The image aggregate: its core attributes, custom properties and tags, and the rules for changing them.
 * Services load and save it; they do not decide what an image may become.
 */
@Entity
@Table(name = "images")
public class Image {

    @Id
    @Column(length = 36)
    private String id;

    private String name;

    private ImageStatus status;

    private Visibility visibility;

    @Column(name = "is_protected")
    private boolean isProtected;

    @Column(name = "os_hidden")
    private boolean osHidden;

    private String checksum;

    @Column(name = "os_hash_algo")
    private String osHashAlgo;

    @Column(name = "os_hash_value")
    private String osHashValue;

    private String owner;

    private Long size;

    @Column(name = "virtual_size")
    private Long virtualSize;

    @Column(name = "min_ram")
    private int minRam;

    @Column(name = "min_disk")
    private int minDisk;

    @Column(name = "disk_format")
    private String diskFormat;

    @Column(name = "container_format")
    private String containerFormat;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    private boolean deleted;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** The server streaming this image's data while it is saving, so a restarted server can recover its own. */
    @Column(name = "saving_node")
    private String savingNode;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "image_properties", joinColumns = @JoinColumn(name = "image_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "prop_value")
    private Map<String, String> properties = new HashMap<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "image_tags", joinColumns = @JoinColumn(name = "image_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    protected Image() {
    }

    /** A new image as POST /v2/images makes it: queued, owned by {@code owner}, shared unless told otherwise. */
    public static Image newImage(String id, String owner, Instant now) {
        Image image = new Image();
        image.id = id == null ? UUID.randomUUID().toString() : id;
        image.owner = owner;
        image.status = ImageStatus.QUEUED;
        image.visibility = Visibility.SHARED;
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        image.createdAt = second;
        image.updatedAt = second;
        return image;
    }

    // --- reading -------------------------------------------------------------------------------

    public String id() { return id; }
    public String name() { return name; }
    public ImageStatus status() { return status; }
    public Visibility visibility() { return visibility; }
    public boolean isProtected() { return isProtected; }
    public boolean osHidden() { return osHidden; }
    public String checksum() { return checksum; }
    public String osHashAlgo() { return osHashAlgo; }
    public String osHashValue() { return osHashValue; }
    public String owner() { return owner; }
    public Long size() { return size; }
    public Long virtualSize() { return virtualSize; }
    public int minRam() { return minRam; }
    public int minDisk() { return minDisk; }
    public String diskFormat() { return diskFormat; }
    public String containerFormat() { return containerFormat; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public boolean isDeleted() { return deleted; }

    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Set<String> tags() {
        return Collections.unmodifiableSet(tags);
    }

    /** The value of a core attribute as the API shows it (links are the web layer's business). */
    public Object attribute(ImageAttribute attribute) {
        return switch (attribute) {
            case ID -> id;
            case NAME -> name;
            case STATUS -> status.apiName();
            case VISIBILITY -> visibility.apiName();
            case PROTECTED -> isProtected;
            case OS_HIDDEN -> osHidden;
            case CHECKSUM -> checksum;
            case OS_HASH_ALGO -> osHashAlgo;
            case OS_HASH_VALUE -> osHashValue;
            case OWNER -> owner;
            case SIZE -> size;
            case VIRTUAL_SIZE -> virtualSize;
            case CONTAINER_FORMAT -> containerFormat;
            case DISK_FORMAT -> diskFormat;
            case CREATED_AT -> createdAt;
            case UPDATED_AT -> updatedAt;
            case TAGS -> tags();
            case MIN_RAM -> minRam;
            case MIN_DISK -> minDisk;
            default -> null;
        };
    }

    // --- changing ------------------------------------------------------------------------------

    /**
     * Sets a writable core attribute to a value already checked against its type. Format changes are
     * only allowed before data is attached, as in Glance.
     */
    void assign(ImageAttribute attribute, Object value) {
        switch (attribute) {
            case NAME -> name = (String) value;
            case VISIBILITY -> visibility = (Visibility) value;
            case PROTECTED -> isProtected = (Boolean) value;
            case OS_HIDDEN -> osHidden = (Boolean) value;
            case OWNER -> owner = (String) value;
            case MIN_RAM -> minRam = bootRequirement(attribute, (Long) value);
            case MIN_DISK -> minDisk = bootRequirement(attribute, (Long) value);
            case CONTAINER_FORMAT -> {
                requireFormatsMutable(attribute, value, containerFormat);
                containerFormat = (String) value;
            }
            case DISK_FORMAT -> {
                requireFormatsMutable(attribute, value, diskFormat);
                diskFormat = (String) value;
            }
            case TAGS -> {
                tags.clear();
                for (Object tag : (Iterable<?>) value) {
                    tags.add((String) tag);
                }
            }
            default -> throw new ForbiddenException("Attribute '" + attribute.apiName() + "' is read-only.");
        }
    }

    /** Glance refuses any write of a format once data is attached, even one that changes nothing. */
    private void requireFormatsMutable(ImageAttribute attribute, Object newValue, String current) {
        if (status != ImageStatus.QUEUED && status != ImageStatus.IMPORTING) {
            throw new ForbiddenException("Attribute " + attribute.apiName() + " can be only replaced for a queued image.");
        }
    }

    private static int bootRequirement(ImageAttribute attribute, long value) {
        if (value < 0) {
            throw new InvalidInputException("Invalid value '" + value + "' for parameter '" + attribute.apiName()
                    + "': Cannot be a negative value");
        }
        if (value > Integer.MAX_VALUE) {
            throw new InvalidInputException("'" + attribute.apiName() + "' value out of range, must not exceed "
                    + Integer.MAX_VALUE + ".");
        }
        return (int) value;
    }

    void putProperty(String key, String value) {
        properties.put(key, value);
    }

    void dropProperty(String key) {
        properties.remove(key);
    }

    /** Adds a tag; adding one that is there already changes nothing. */
    public void addTag(String tag) {
        tags.add(tag);
    }

    /** Removes a tag, refusing (as Glance does, with 404) when the image does not carry it. */
    public void removeTag(String tag) {
        if (!tags.remove(tag)) {
            throw new NotFoundException(null);
        }
    }

    public void touch(Instant now) {
        updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    // --- data ----------------------------------------------------------------------------------

    /** queued → saving, before data is streamed. Both formats must be known by then. */
    public void startSaving(String node, Instant now) {
        if (status != ImageStatus.QUEUED) {
            throw new ConflictException("Image status transition from " + status.apiName()
                    + " to saving is not allowed");
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (diskFormat == null) {
            missing.add("disk_format");
        }
        if (containerFormat == null) {
            missing.add("container_format");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException((missing.size() == 1 ? "Property " : "Properties ")
                    + String.join(", ", missing) + " must be set prior to saving data.");
        }
        status = ImageStatus.SAVING;
        savingNode = node;
        touch(now);
    }

    /** saving → active, with what streaming the data measured. */
    public void activate(long dataSize, String md5, String hashAlgorithm, String hashValue,
                         Optional<Long> inspectedVirtualSize, Instant now) {
        if (status != ImageStatus.SAVING) {
            throw new ConflictException("Image status transition from " + status.apiName()
                    + " to active is not allowed");
        }
        status = ImageStatus.ACTIVE;
        size = dataSize;
        virtualSize = virtualSizeOf(dataSize, inspectedVirtualSize);
        checksum = md5;
        osHashAlgo = hashAlgorithm;
        osHashValue = hashValue;
        savingNode = null;
        touch(now);
    }

    /** saving → queued after a failed upload: the image is as it was before, without data. */
    public void abandonSaving(Instant now) {
        if (status == ImageStatus.SAVING) {
            backToQueued();
            touch(now);
        }
    }

    // --- staging and import ----------------------------------------------------------------------

    /** The import lock: the id of the task importing into this image, as Glance keeps it. */
    public static final String IMPORT_TASK = "os_glance_import_task";
    public static final String IMPORTING_STORES = "os_glance_importing_to_stores";
    public static final String FAILED_IMPORT = "os_glance_failed_import";
    /** Which server holds the staged data; never shown to users. */
    public static final String STAGE_HOST = "os_glance_stage_host";

    /** queued → uploading, before data is staged for a glance-direct import. */
    public void startStaging(String node, Instant now) {
        if (status != ImageStatus.QUEUED) {
            throw new ConflictException("Image status transition from " + status.apiName()
                    + " to uploading is not allowed");
        }
        status = ImageStatus.UPLOADING;
        savingNode = node;
        touch(now);
    }

    /** The data is staged: the image stays uploading, with its size, until it is imported. */
    public void staged(long dataSize, String stageHost, Instant now) {
        if (status != ImageStatus.UPLOADING) {
            throw new ConflictException("Image status transition from " + status.apiName()
                    + " to uploading is not allowed");
        }
        size = dataSize;
        savingNode = null;
        if (stageHost != null) {
            properties.put(STAGE_HOST, stageHost);
        }
        touch(now);
    }

    /** uploading → queued after a failed stage, or when the staged data is gone. */
    public void abandonStaging(Instant now) {
        if (status == ImageStatus.UPLOADING) {
            backToQueued();
            properties.remove(STAGE_HOST);
            touch(now);
        }
    }

    /** Glance's checks of an image before an import may start (409 when the image is not ready). */
    public void requireImportable(ImportMethod method) {
        if (status == ImageStatus.ACTIVE && method != ImportMethod.COPY_IMAGE) {
            throw new ConflictException("Image with status active cannot be target for import");
        }
        if (status != ImageStatus.ACTIVE && method == ImportMethod.COPY_IMAGE) {
            throw new ConflictException("Only images with status active can be targeted for copying");
        }
        if (status != ImageStatus.QUEUED && method.requiredStatus() == ImageStatus.QUEUED) {
            throw new ConflictException("Image needs to be in 'queued' state to use '" + method.apiName()
                    + "' method");
        }
        if (status != ImageStatus.UPLOADING && method == ImportMethod.GLANCE_DIRECT) {
            throw new ConflictException("Image needs to be staged before 'glance-direct' method can be used");
        }
        if (containerFormat == null) {
            throw new ConflictException("'container_format' needs to be set before import");
        }
        if (diskFormat == null) {
            throw new ConflictException("'disk_format' needs to be set before import");
        }
    }

    /** The task holding the import lock, if any. */
    public Optional<String> importTask() {
        return Optional.ofNullable(properties.get(IMPORT_TASK));
    }

    /**
     * Takes the import lock for {@code taskId} and marks the image as being imported to {@code stores}; the
     * optimistic version makes two concurrent imports collide on commit.
     */
    public void lockForImport(String taskId, ImportMethod method, List<String> stores, Instant now) {
        properties.put(IMPORT_TASK, taskId);
        if (method.bringsNewData()) {
            status = ImageStatus.IMPORTING;
        }
        properties.put(IMPORTING_STORES, StoreList.merge(properties.get(IMPORTING_STORES), stores));
        properties.put(FAILED_IMPORT, StoreList.subtract(properties.get(FAILED_IMPORT), stores));
        properties.remove(STAGE_HOST);
        touch(now);
    }

    /** queued → importing while the data of a registered location is hashed, under the import lock. */
    public void lockForLocationImport(String taskId, Instant now) {
        if (status != ImageStatus.QUEUED) {
            throw new ConflictException("Image status transition from " + status.apiName()
                    + " to importing is not allowed");
        }
        properties.put(IMPORT_TASK, taskId);
        status = ImageStatus.IMPORTING;
        touch(now);
    }

    /**
     * importing → active with the data the import stored, and the changes import plugins made.
     *
     * @param stored the stores that took the data
     * @param failed the stores that did not, when the import allowed some to fail
     */
    public void completeImport(String taskId, List<String> stored, List<String> failed, ImportedData data,
                               Instant now) {
        if (status != ImageStatus.IMPORTING) {
            throw new ConflictException("Image status transition from " + status.apiName()
                    + " to active is not allowed");
        }
        data.diskFormat().ifPresent(f -> diskFormat = f);
        data.containerFormat().ifPresent(f -> containerFormat = f);
        data.properties().forEach((k, v) -> {
            if (!k.startsWith(ImageAttribute.RESERVED_PREFIX)) {
                properties.put(k, v);
            }
        });
        status = ImageStatus.ACTIVE;
        size = data.size();
        virtualSize = virtualSizeOf(data.size(), data.virtualSize());
        checksum = data.md5();
        osHashAlgo = data.hashAlgorithm();
        osHashValue = data.hashValue();
        finishStores(stored, failed);
        releaseImportLock(taskId);
        touch(now);
    }

    /**
     * queued → active because a location was registered for data kept elsewhere (PATCH /locations or the
     * locations API), with the size the store reports and whatever digests the caller vouched for.
     */
    public void activateWithRegisteredData(long dataSize, String md5, String hashAlgorithm, String hashValue,
                                           Instant now) {
        if (status != ImageStatus.QUEUED && status != ImageStatus.IMPORTING) {
            throw new ConflictException("Image status transition from " + status.apiName()
                    + " to active is not allowed");
        }
        status = ImageStatus.ACTIVE;
        size = dataSize;
        virtualSize = virtualSizeOf(dataSize, Optional.empty());
        checksum = md5;
        osHashAlgo = hashAlgorithm;
        osHashValue = hashValue;
        touch(now);
    }

    /** A copy-image import ended: the image stays active, with the stores it reached and those it did not. */
    public void completeCopy(String taskId, List<String> stored, List<String> failed, Instant now) {
        if (status != ImageStatus.ACTIVE) {
            throw new ConflictException("Image status changed to " + status.apiName() + " while it was copied");
        }
        finishStores(stored, failed);
        releaseImportLock(taskId);
        touch(now);
    }

    private void finishStores(List<String> stored, List<String> failed) {
        List<String> finished = new java.util.ArrayList<>(stored);
        finished.addAll(failed);
        properties.put(IMPORTING_STORES, StoreList.subtract(properties.get(IMPORTING_STORES), finished));
        properties.put(FAILED_IMPORT, StoreList.merge(properties.get(FAILED_IMPORT), failed));
    }

    /**
     * After a failed import: an image that was being filled goes back to queued without data (a copy keeps
     * its status), the stores are marked failed, and the lock is released.
     */
    public void failImport(String taskId, List<String> stores, Instant now) {
        if (status == ImageStatus.IMPORTING) {
            backToQueued();
        }
        properties.put(IMPORTING_STORES, StoreList.subtract(properties.get(IMPORTING_STORES), stores));
        properties.put(FAILED_IMPORT, StoreList.merge(properties.get(FAILED_IMPORT), stores));
        releaseImportLock(taskId);
        touch(now);
    }

    /** Drops the import lock if {@code taskId} still holds it (another task may have taken it over). */
    public void releaseImportLock(String taskId) {
        if (taskId.equals(properties.get(IMPORT_TASK))) {
            properties.remove(IMPORT_TASK);
        }
    }

    /** For raw data the virtual size is the byte size; other formats say theirs in their headers. */
    private Long virtualSizeOf(long dataSize, Optional<Long> inspected) {
        return inspected.orElse("raw".equals(diskFormat) ? Long.valueOf(dataSize) : null);
    }

    /** Queued again, without data or anything measured from it. */
    private void backToQueued() {
        status = ImageStatus.QUEUED;
        size = null;
        virtualSize = null;
        checksum = null;
        osHashAlgo = null;
        osHashValue = null;
        savingNode = null;
    }

    public boolean hasData() {
        return status == ImageStatus.ACTIVE || status == ImageStatus.DEACTIVATED;
    }

    /** active → deactivated; already deactivated is fine. */
    public void deactivate(Instant now) {
        if (status == ImageStatus.ACTIVE) {
            status = ImageStatus.DEACTIVATED;
            touch(now);
        } else if (status != ImageStatus.DEACTIVATED) {
            throw new ForbiddenException("Not allowed to deactivate image in status '" + status.apiName() + "'");
        }
    }

    /** deactivated → active; already active is fine. */
    public void reactivate(Instant now) {
        if (status == ImageStatus.DEACTIVATED) {
            status = ImageStatus.ACTIVE;
            touch(now);
        } else if (status != ImageStatus.ACTIVE) {
            throw new ForbiddenException("Not allowed to reactivate image in status '" + status.apiName() + "'");
        }
    }

    /** Marks the image deleted; a protected image refuses. Data removal is the caller's next step. */
    public void delete(Instant now) {
        if (isProtected) {
            throw new ForbiddenException("Image " + id + " is protected and cannot be deleted.");
        }
        status = ImageStatus.DELETED;
        savingNode = null;
        deleted = true;
        deletedAt = now;
        touch(now);
    }

    /**
     * Deleted for users, but its data stays until the scrubber removes it after scrub_time (Glance's
     * delayed_delete): pending_delete, and restorable until then.
     */
    public void deleteLater(Instant now) {
        delete(now);
        status = ImageStatus.PENDING_DELETE;
    }

    /** pending_delete → deleted once the scrubber removed its data everywhere. */
    public void scrubbed(Instant now) {
        if (status == ImageStatus.PENDING_DELETE) {
            status = ImageStatus.DELETED;
            touch(now);
        }
    }

    /** pending_delete → active, visible again with its data (glance-scrubber --restore). */
    public void restore(Instant now) {
        if (status != ImageStatus.PENDING_DELETE) {
            throw new ConflictException("Image " + id + " is " + status.apiName() + ", not pending_delete: only"
                    + " an image waiting for the scrubber can be restored");
        }
        status = ImageStatus.ACTIVE;
        deleted = false;
        deletedAt = null;
        touch(now);
    }
}
