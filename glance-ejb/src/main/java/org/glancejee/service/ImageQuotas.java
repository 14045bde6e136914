package org.glancejee.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.glancejee.config.QuotaSettings;
import org.glancejee.domain.ImageUsage;
import org.glancejee.domain.ProjectLimitRules;
import org.glancejee.domain.QuotaResource;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.ResourceUsage;
import org.glancejee.domain.StorageQuota;
import org.glancejee.limits.ProjectLimits;

import java.util.Arrays;
import java.util.List;

/**
 * The quota checks of the image use cases, at the points where Glance makes them. Quotas are counted for
 * the caller's project (Glance's {@code context.owner}), whoever owns the image. With
 * {@code use_keystone_limits} the per-project limits apply and {@code user_storage_quota} does not;
 * without it, only {@code user_storage_quota}.
 */
@Stateless
public class ImageQuotas {

    @Inject
    QuotaSettings settings;

    @Inject
    ImageUsage usage;

    @Inject
    ProjectLimits limits;

    /** Before a new image record: one more image must fit {@code image_count_total}. */
    public void checkCreate(RequestContext caller) {
        enforce(caller, QuotaResource.IMAGE_COUNT_TOTAL, 1);
    }

    /** First thing of an upload, before the image is even looked up: the project is not over {@code image_size_total}. */
    public void checkUploadStart(RequestContext caller) {
        enforce(caller, QuotaResource.IMAGE_SIZE_TOTAL, 0);
    }

    /** First thing of a stage: the project is not over {@code image_stage_total}. */
    public void checkStageStart(RequestContext caller) {
        enforce(caller, QuotaResource.IMAGE_STAGE_TOTAL, 0);
    }

    /** Once the image is uploading (so it counts itself): {@code image_count_uploading}. */
    public void checkUploading(RequestContext caller) {
        enforce(caller, QuotaResource.IMAGE_COUNT_UPLOADING, 0);
    }

    /**
     * Once an import holds its image: glance-direct brings {@code stagedBytes} into the stores; the other
     * methods first fill the staging area and count as uploading.
     */
    public void checkImport(RequestContext caller, boolean staged, long stagedBytes) {
        long delta = stagedBytes / (1024 * 1024);
        if (staged) {
            enforce(caller, QuotaResource.IMAGE_SIZE_TOTAL, delta);
        } else {
            enforce(caller, QuotaResource.IMAGE_STAGE_TOTAL, delta);
            enforce(caller, QuotaResource.IMAGE_COUNT_UPLOADING, 0);
        }
    }

    /**
     * Once the image is saving (so it counts itself): {@code image_count_uploading}, then the storage quota
     * for the announced size.
     *
     * @param announcedSize the request's Content-Length, or -1 when unknown
     * @return how many bytes the upload may bring before it goes over the storage quota, or
     *         {@link Long#MAX_VALUE} when there is no such quota
     */
    public long checkSaving(RequestContext caller, String imageId, long announcedSize) {
        enforce(caller, QuotaResource.IMAGE_COUNT_UPLOADING, 0);
        StorageQuota quota = storageQuota();
        if (!quota.enabled()) {
            return Long.MAX_VALUE;
        }
        long remaining = quota.remaining(usage.storedBytes(caller.projectId(), imageId));
        StorageQuota.checkFits(announcedSize, remaining);
        return Math.max(remaining, 0);
    }

    /**
     * After the data is stored and before the image turns active: the storage quota again with the real
     * size, which other uploads finished meanwhile may have made too much.
     */
    public void recheckStored(RequestContext caller, String imageId, long size) {
        StorageQuota quota = storageQuota();
        if (quota.enabled()) {
            StorageQuota.checkFits(size, quota.remaining(usage.storedBytes(caller.projectId(), imageId)));
        }
    }

    /** The caller's project's usage and limits, as {@code GET /v2/info/usage} shows them; none without unified limits. */
    public List<ResourceUsage> usage(RequestContext caller) {
        if (!settings.useKeystoneLimits()) {
            return List.of();
        }
        String project = caller.projectId();
        return Arrays.stream(QuotaResource.values())
                .map(r -> new ResourceUsage(r, used(project, r), limits.limit(project, r)))
                .toList();
    }

    private void enforce(RequestContext caller, QuotaResource resource, long delta) {
        if (settings.useKeystoneLimits()) {
            String project = caller.projectId();
            ProjectLimitRules.enforce(project, resource, limits.limit(project, resource), used(project, resource),
                    delta);
        }
    }

    private StorageQuota storageQuota() {
        return settings.useKeystoneLimits() ? StorageQuota.NONE : settings.userStorageQuota();
    }

    private long used(String project, QuotaResource resource) {
        long amount = switch (resource) {
            case IMAGE_SIZE_TOTAL -> usage.storedBytes(project, null);
            case IMAGE_STAGE_TOTAL -> usage.stagedBytes(project);
            case IMAGE_COUNT_TOTAL -> usage.imageCount(project);
            case IMAGE_COUNT_UPLOADING -> usage.uploadingCount(project);
        };
        return ProjectLimitRules.inLimitUnits(resource, amount);
    }
}
