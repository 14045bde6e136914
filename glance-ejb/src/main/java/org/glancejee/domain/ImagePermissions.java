package org.glancejee.domain;

/**
 * The authorization decisions {@link ImageRules} needs in the middle of applying a request, at the
 * point where Glance's controller makes them: creating an image for an owner with a visibility, and
 * changing one attribute or property of an existing image. Implemented over the policy rules.
 */
public interface ImagePermissions {

    /** {@code add_image}, then {@code publicize_image}/{@code communitize_image} for those visibilities. */
    void mayCreate(String owner, String visibility, RequestContext caller);

    /** Before each patch operation: the visibility rule when visibility is set, then {@code modify_image}. */
    void mayChange(Image image, String property, Object value, RequestContext caller);
}
