package org.glancejee.service;

import org.glancejee.domain.Image;
import org.glancejee.domain.ImageMember;
import org.glancejee.domain.RequestContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.glancejee.service.Personas.MEMBER;
import static org.glancejee.service.Personas.OWNER;
import static org.glancejee.service.Personas.STRANGER;
import static org.glancejee.service.Personas.admin;
import static org.glancejee.service.Personas.image;
import static org.glancejee.service.Personas.memberRole;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagePolicyTest {

    private static boolean canSee(RequestContext caller, Image image, boolean member) {
        return ImagePolicy.canSee(caller, image, () -> member);
    }

    @Test
    void aSharedImageIsVisibleToItsMembersOnly() {
        Image shared = image(OWNER, "shared");
        assertTrue(canSee(memberRole(MEMBER), shared, true));
        assertFalse(canSee(memberRole(STRANGER), shared, false));
        assertTrue(canSee(memberRole(OWNER), shared, false));
        assertTrue(canSee(admin(STRANGER), shared, false));
    }

    @Test
    void membershipDoesNotOpenAPrivateImage() {
        assertFalse(canSee(memberRole(MEMBER), image(OWNER, "private"), true));
    }

    @Test
    void membershipIsOnlyAskedForASharedImageOfAnotherProject() {
        for (String visibility : new String[] {"public", "community", "private"}) {
            ImagePolicy.canSee(memberRole(MEMBER), image(OWNER, visibility), () -> {
                throw new AssertionError("asked for " + visibility);
            });
        }
        ImagePolicy.canSee(memberRole(OWNER), image(OWNER, "shared"), () -> {
            throw new AssertionError("asked the owner");
        });
        ImagePolicy.canSee(memberRole(null), image(OWNER, "shared"), () -> {
            throw new AssertionError("asked for a caller without a project");
        });
    }

    @Test
    void ownersSeeEveryMembershipOfTheirImageAndMembersOnlyTheirOwn() {
        Image shared = image(OWNER, "shared");
        ImageMember mine = ImageMember.pending(shared.id(), MEMBER, Instant.EPOCH);
        ImageMember theirs = ImageMember.pending(shared.id(), STRANGER, Instant.EPOCH);

        assertTrue(ImagePolicy.seesMembership(memberRole(OWNER), shared, mine));
        assertTrue(ImagePolicy.seesMembership(memberRole(OWNER), shared, theirs));
        assertTrue(ImagePolicy.seesMembership(memberRole(MEMBER), shared, mine));
        assertFalse(ImagePolicy.seesMembership(memberRole(MEMBER), shared, theirs));
        assertTrue(ImagePolicy.seesMembership(admin(null), shared, theirs));
    }
}
