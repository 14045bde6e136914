package org.glancejee.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where image memberships live. Member ids compare exactly, on every database (MariaDB's collations would
 * otherwise match 'p1 ' to 'p1').
 */
public interface ImageMemberRepository {

    /** The image's current members, oldest first. */
    List<ImageMember> list(String imageId);

    /** The project's current membership of the image. */
    Optional<ImageMember> find(String imageId, String member);

    /** The project's membership of the image even if it was removed, to bring it back. */
    Optional<ImageMember> findIncludingRemoved(String imageId, String member);

    /** How many current members the image has. */
    long count(String imageId);

    /** True if the project is a current member of the image, in any status. */
    default boolean isMember(String imageId, String project) {
        return find(imageId, project).isPresent();
    }

    void add(ImageMember member);
}
