package org.glancejee.service;

import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.Image;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Visibility;

/**
 * Who may see and change an image. An image the caller may not see is reported as missing, never as
 * forbidden, so its existence does not leak.
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

    static void requireModify(RequestContext caller, Image image) {
        if (!caller.admin() && !caller.owns(image.owner())) {
            throw new ForbiddenException("You are not authorized to complete modify_image action.");
        }
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("No image found with ID " + id);
    }
}
