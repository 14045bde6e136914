package org.glancejee.domain;

import java.util.Optional;

/** Where images live. Finders never return deleted images. */
public interface ImageRepository {

    Optional<Image> find(String id);

    /** True if any image, deleted ones included, has this id: Glance never reuses an id. */
    boolean idTaken(String id);

    void add(Image image);

    void addLocation(ImageLocation location);

    /** The locations that serve an image's data now, best first. */
    java.util.List<ImageLocation> activeLocations(String imageId);

    /** The active locations of several images, oldest first. */
    java.util.List<ImageLocation> activeLocations(java.util.Collection<String> imageIds);

    /** One page of the images {@code caller} may list, in the query's order, after its marker. */
    ImagePage list(ImageQuery query, RequestContext caller);
}
