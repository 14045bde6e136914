package org.glancejee.service;

import org.glancejee.domain.Image;
import org.glancejee.domain.ImageMember;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Visibility;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Which images and memberships a caller can find at all: the checks Glance makes in its database
 * layer, whatever the policy rules say (what it may do with them is {@link ImageAuthorization}'s). An
 * image the caller cannot find is reported as missing, never as forbidden, so its existence does not leak.
 */
final class ImagePolicy {
    private ImagePolicy() {
    }

    /**
     * Glance's is_image_visible: admins, owner-less images, public and community images, the owner, and
     * for a shared image the projects that are members in any status. {@code member} is asked last, and
     * only for a shared image of another project.
     */
    static boolean canSee(RequestContext caller, Image image, BooleanSupplier member) {
        if (caller.admin() || image.owner() == null) {
            return true;
        }
        Visibility v = image.visibility();
        if (v == Visibility.PUBLIC || v == Visibility.COMMUNITY) {
            return true;
        }
        if (caller.projectId() == null) {
            return false;
        }
        return caller.owns(image.owner()) || (v == Visibility.SHARED && member.getAsBoolean());
    }

    /**
     * Glance's database shows a non-admin the memberships of the images its project owns, and its own
     * memberships of other images. A caller without a project matches images without an owner, as SQL's
     * {@code owner IS NULL} does in Glance's query.
     */
    static boolean seesMembership(RequestContext caller, Image image, ImageMember membership) {
        return caller.admin() || Objects.equals(caller.projectId(), image.owner())
                || membership.member().equals(caller.projectId());
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("No image found with ID " + id);
    }
}
