package org.glancejee.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageMemberRepository;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.RequestContext;

import java.util.Optional;

/** Finds an image only if the caller may see it ({@link ImagePolicy#canSee}), asking for membership when needed. */
@ApplicationScoped
public class VisibleImages {

    @Inject
    ImageRepository images;

    @Inject
    ImageMemberRepository members;

    public Optional<Image> find(RequestContext caller, String id) {
        return images.find(id).filter(image ->
                ImagePolicy.canSee(caller, image, () -> members.isMember(image.id(), caller.projectId())));
    }

    /** The image, or Glance's 404 "No image found with ID …" when it is missing or hidden from the caller. */
    public Image require(RequestContext caller, String id) {
        return find(caller, id).orElseThrow(() -> ImagePolicy.notFound(id));
    }
}
