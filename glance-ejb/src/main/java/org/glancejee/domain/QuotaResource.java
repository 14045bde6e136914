package org.glancejee.domain;

import java.util.Locale;

/**
 * The resources Glance limits per project with unified limits (use_keystone_limits), in the order
 * Glance reports them in {@code GET /v2/info/usage}. Sizes count in MiB, rounded down; counts in images.
 */
public enum QuotaResource {
    /** Bytes of the owner's images in stores: size times active locations. */
    IMAGE_SIZE_TOTAL,
    /** Bytes of the owner's images in staging: uploading or importing, or being copied to stores. */
    IMAGE_STAGE_TOTAL,
    /** The owner's images that are not killed or deleted. */
    IMAGE_COUNT_TOTAL,
    /** The owner's images whose data is being uploaded, staged, imported or copied. */
    IMAGE_COUNT_UPLOADING;

    /** The resource name registered in Keystone, e.g. {@code image_size_total}. */
    public String limitName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
