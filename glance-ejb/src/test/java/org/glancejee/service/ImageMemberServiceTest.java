package org.glancejee.service;

import org.glancejee.notifications.Notifier;
import org.glancejee.policy.Policy;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImageMember;
import org.glancejee.domain.ImageMemberRepository;
import org.glancejee.domain.ImagePage;
import org.glancejee.domain.ImageQuery;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.glancejee.service.Personas.MEMBER;
import static org.glancejee.service.Personas.OWNER;
import static org.glancejee.service.Personas.STRANGER;
import static org.glancejee.service.Personas.admin;
import static org.glancejee.service.Personas.image;
import static org.glancejee.service.Personas.memberRole;
import static org.glancejee.service.Personas.readerRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The order of checks per persona, which decides the status each caller gets: what Glance 25 answered
 * with enforce_secure_rbac and enforce_new_defaults on (the test server's noauth cannot show these).
 */
class ImageMemberServiceTest {
    private final Map<String, Image> images = new HashMap<>();
    private final List<ImageMember> rows = new ArrayList<>();
    private final ImageMemberService service = service(2);
    private final Image shared = stored(image(OWNER, "shared"));

    @Test
    void strangersDoNotSeeTheImageAtAll() {
        service.add(admin(null), shared.id(), MEMBER);
        String missing = "Image " + shared.id() + " not found.";
        RequestContext stranger = memberRole(STRANGER);
        assertRefused(NotFoundException.class, missing, () -> service.list(stranger, shared.id()));
        assertRefused(NotFoundException.class, missing, () -> service.show(stranger, shared.id(), MEMBER));
        assertRefused(NotFoundException.class, missing, () -> service.add(stranger, shared.id(), "x"));
        assertRefused(NotFoundException.class, missing,
                () -> service.changeStatus(stranger, shared.id(), MEMBER, "accepted"));
        assertRefused(NotFoundException.class, missing, () -> service.remove(stranger, shared.id(), MEMBER));
    }

    @Test
    void aMemberProjectSeesOnlyItsOwnMembership() {
        service.add(admin(null), shared.id(), "first");
        service.add(admin(null), shared.id(), MEMBER);

        assertEquals(List.of("first", MEMBER), members(admin(STRANGER)));
        assertEquals(List.of("first", MEMBER), members(readerRole(OWNER)));
        assertEquals(List.of(MEMBER), members(readerRole(MEMBER)));
        assertRefused(NotFoundException.class, "first not found in the member list of the image " + shared.id() + ".",
                () -> service.show(memberRole(MEMBER), shared.id(), "first"));
    }

    @Test
    void onlyTheMemberProjectAnswersAndOnlyForAnExistingMembership() {
        service.add(memberRole(OWNER), shared.id(), MEMBER);

        assertRefused(NotFoundException.class, "zz not found in the member list of the image " + shared.id() + ".",
                () -> service.changeStatus(memberRole(OWNER), shared.id(), "zz", "accepted"));
        assertRefused(ForbiddenException.class, "You are not authorized to complete modify_member action.",
                () -> service.changeStatus(memberRole(OWNER), shared.id(), MEMBER, "accepted"));
        assertRefused(ForbiddenException.class, "You are not authorized to complete modify_member action.",
                () -> service.changeStatus(readerRole(MEMBER), shared.id(), MEMBER, "bogus"));
        assertRefused(InvalidInputException.class,
                "Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".",
                () -> service.changeStatus(memberRole(MEMBER), shared.id(), MEMBER, "bogus"));

        assertEquals(ImageMember.Status.ACCEPTED,
                service.changeStatus(memberRole(MEMBER), shared.id(), MEMBER, "accepted").status());
    }

    @Test
    void onlyOwnerMembersAddAndRemoveMembers() {
        assertRefused(ForbiddenException.class, "You are not authorized to complete add_member action.",
                () -> service.add(readerRole(OWNER), shared.id(), MEMBER));
        service.add(memberRole(OWNER), shared.id(), MEMBER);
        assertRefused(ForbiddenException.class, "You are not authorized to complete add_member action.",
                () -> service.add(memberRole(MEMBER), shared.id(), "another"));

        assertRefused(NotFoundException.class, "zz not found in the member list of the image " + shared.id() + ".",
                () -> service.remove(memberRole(MEMBER), shared.id(), "zz"));
        assertRefused(ForbiddenException.class, "You are not authorized to complete delete_member action.",
                () -> service.remove(memberRole(MEMBER), shared.id(), MEMBER));
        assertRefused(ForbiddenException.class, "You are not authorized to complete delete_member action.",
                () -> service.remove(readerRole(OWNER), shared.id(), MEMBER));
        service.remove(memberRole(OWNER), shared.id(), MEMBER);
        assertEquals(List.of(), members(memberRole(OWNER)));
    }

    @Test
    void withoutReaderRoleTheListIsRefusedAndShowIsNotFound() {
        service.add(admin(null), shared.id(), MEMBER);
        RequestContext roleless = Personas.caller(OWNER, "observer");

        assertRefused(ForbiddenException.class, "You are not authorized to complete get_members action.",
                () -> service.list(roleless, shared.id()));
        assertRefused(NotFoundException.class, "You are not authorized to complete get_member action.",
                () -> service.show(roleless, shared.id(), MEMBER));
        assertRefused(ForbiddenException.class, "You are not authorized to complete get_member action.",
                () -> service.remove(roleless, shared.id(), MEMBER));
    }

    @Test
    void theVisibilityCheckComesBeforeThePolicy() {
        Image owned = stored(image(OWNER, "private"));
        RequestContext reader = readerRole(OWNER);

        assertRefused(ForbiddenException.class, "Not allowed to create members for image " + owned.id() + ".",
                () -> service.add(reader, owned.id(), MEMBER));
        assertRefused(NotFoundException.class, "Only shared images have members.",
                () -> service.show(reader, owned.id(), MEMBER));
    }

    @Test
    void theQuotaComesBeforeTheDuplicateCheckAndRemovedMembersDoNotCount() {
        RequestContext owner = memberRole(OWNER);
        service.add(owner, shared.id(), "a");
        service.add(owner, shared.id(), "b");
        String full = "Image member limit exceeded for image " + shared.id() + ": The limit has been exceeded on the"
                + " number of allowed image members for this image. Attempted: 3, Maximum: 2:";

        assertRefused(LimitExceededException.class, full, () -> service.add(owner, shared.id(), "a"));
        service.remove(owner, shared.id(), "a");
        assertRefused(ConflictException.class, "Member b is duplicated for image " + shared.id(),
                () -> service.add(owner, shared.id(), "b"));
        service.add(owner, shared.id(), "a");
        assertEquals(2, rows.size(), "the removed row came back");
    }

    // --- fixtures --------------------------------------------------------------------------------

    private List<String> members(RequestContext caller) {
        return service.list(caller, shared.id()).stream().map(ImageMember::member).toList();
    }

    private static void assertRefused(Class<? extends GlanceException> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    private Image stored(Image image) {
        images.put(image.id(), image);
        return image;
    }

    private ImageMemberService service(int quota) {
        ImageMemberRepository members = new ImageMemberRepository() {
            @Override
            public List<ImageMember> list(String imageId) {
                return rows.stream().filter(m -> m.imageId().equals(imageId) && !m.isDeleted()).toList();
            }

            @Override
            public Optional<ImageMember> find(String imageId, String member) {
                return list(imageId).stream().filter(m -> m.member().equals(member)).findFirst();
            }

            @Override
            public Optional<ImageMember> findIncludingRemoved(String imageId, String member) {
                return rows.stream().filter(m -> m.imageId().equals(imageId) && m.member().equals(member)).findFirst();
            }

            @Override
            public long count(String imageId) {
                return list(imageId).size();
            }

            @Override
            public void add(ImageMember member) {
                rows.add(member);
            }
        };
        VisibleImages visible = new VisibleImages();
        visible.images = new InMemoryImages();
        visible.members = members;
        ImageMemberService s = new ImageMemberService();
        s.images = visible;
        s.members = members;
        s.authorization = new ImageAuthorization(new PolicyEnforcer(Policy.defaults()));
        s.notifier = Notifier.off();
        s.settings = new ApiSettings() {
            @Override
            public int imageMemberQuota() {
                return quota;
            }
        };
        return s;
    }

    private final class InMemoryImages implements ImageRepository {
        @Override
        public Optional<Image> find(String id) {
            return Optional.ofNullable(images.get(id));
        }

        @Override
        public boolean idTaken(String id) {
            return images.containsKey(id);
        }

        @Override
        public void add(Image image) {
            images.put(image.id(), image);
        }

        @Override
        public void addLocation(ImageLocation location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ImageLocation> activeLocations(String imageId) {
            return List.of();
        }

        @Override
        public List<ImageLocation> activeLocations(java.util.Collection<String> imageIds) {
            return List.of();
        }

        @Override
        public ImagePage list(ImageQuery query, RequestContext caller) {
            throw new UnsupportedOperationException();
        }
    }
}
