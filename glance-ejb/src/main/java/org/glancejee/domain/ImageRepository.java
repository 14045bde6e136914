package org.glancejee.domain;

import java.util.Optional;

/** Where images live. Finders never return deleted images. */
public interface ImageRepository {

    Optional<Image> find(String id);

    /** True if any image, deleted ones included, has this id: Glance never reuses an id. */
    boolean idTaken(String id);

    void add(Image image);

    /** One page of the images {@code caller} may list, in the query's order, after its marker. */
    ImagePage list(ImageQuery query, RequestContext caller);
}
