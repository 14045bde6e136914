package org.glancejee.service;

import org.glancejee.domain.Image;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Visibility;

/**
 * Which images a caller can find at all (Glance's DB-layer is_image_visible); what it may do with them
 * is {@link ImageAuthorization}'s. An image the caller cannot find is reported as missing.
 */
final class ImagePolicy {
    private ImagePolicy() {
    }

    static boolean canSee(RequestContext caller, Image image, boolean member) {
        if (caller.admin() || image.owner() == null || caller.owns(image.owner())) {
            return true;
        }
        Visibility v = image.visibility();
        return v == Visibility.PUBLIC || v == Visibility.COMMUNITY || (v == Visibility.SHARED && member);
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("No image found with ID " + id);
    }
}
