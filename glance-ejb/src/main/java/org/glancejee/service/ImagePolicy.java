package org.glancejee.service;

import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageMember;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Visibility;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Who may see and change an image, and whose memberships a caller sees: the checks Glance makes in its
 * database layer, whatever the policy rules say. An image the caller may not see is reported as missing,
 * never as forbidden, so its existence does not leak.
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

    static void requireModify(RequestContext caller, Image image) {
        if (!caller.admin() && !caller.owns(image.owner())) {
            throw new ForbiddenException("You are not authorized to complete modify_image action.");
        }
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
