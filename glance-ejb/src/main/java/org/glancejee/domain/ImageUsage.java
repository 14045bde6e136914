package org.glancejee.domain;

/**
 * What an owner's images take up, counted as Glance counts it for quotas. An owner of null means the
 * images without an owner (those created by a caller without a project).
 */
public interface ImageUsage {

    /**
     * Bytes in the stores: size times the locations not deleted, over the owner's images with a size that
     * are not killed or deleted.
     *
     * @param exceptImageId an image left out of the sum (the one being uploaded), or null
     */
    long storedBytes(String owner, String exceptImageId);

    /** Bytes in staging: images uploading or importing, and others still being copied to stores. */
    long stagedBytes(String owner);

    /** Images not killed or deleted. */
    long imageCount(String owner);

    /** Images saving, uploading or importing, and others still being copied to stores. */
    long uploadingCount(String owner);
}
