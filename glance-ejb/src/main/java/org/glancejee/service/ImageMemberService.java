package org.glancejee.service;

import org.glancejee.notifications.Notifier;
import org.glancejee.notifications.NotificationPayloads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageMember;
import org.glancejee.domain.ImageMemberRepository;
import org.glancejee.domain.MemberRules;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sharing an image with other projects: add, list, show, answer and remove members. Each use case checks
 * in Glance's order, which decides the status a caller gets: the image must be visible (404), shared
 * (403, or 404 on show), then the policy rules and the member lookup, then the request's own values.
 * Member changes leave the image itself, and its updated_at, alone.
 */
@Stateless
public class ImageMemberService {

    @Inject
    VisibleImages images;

    @Inject
    ImageMemberRepository members;

    @Inject
    ApiSettings settings;

    @Inject
    ImageAuthorization authorization;

    @Inject
    Notifier notifier;

    private final Clock clock = Clock.systemUTC();

    /** Shares the image with a project, pending its answer; a project removed before comes back. */
    public ImageMember add(RequestContext caller, String imageId, String memberId) {
        Image image = shared(caller, imageId, () -> notAllowed("create", imageId));
        require(authorization.allowed("add_member", caller, image), "add_member");
        MemberRules rules = new MemberRules(settings.imageMemberQuota());
        rules.checkRoomFor(imageId, members.count(imageId));
        if (members.find(imageId, memberId).isPresent()) {
            throw new ConflictException("Member " + memberId + " is duplicated for image " + imageId);
        }
        rules.checkMemberId(memberId);
        ImageMember member = members.findIncludingRemoved(imageId, memberId).orElse(null);
        if (member == null) {
            member = ImageMember.pending(imageId, memberId, now());
            members.add(member);
        } else {
            member.rejoin(now());
        }
        ImageMember added = member;
        notifier.info("image.member.create", () -> NotificationPayloads.member(added));
        return added;
    }

    /**
     * The image's members: all of them for its owner and admins, the caller's own membership for a member
     * project.
     */
    public List<ImageMember> list(RequestContext caller, String imageId) {
        Image image = shared(caller, imageId, () -> new ForbiddenException("Not allowed to list members for image "
                + imageId + ": Only shared images have members."));
        require(authorization.allowed("get_members", caller, image), "get_members");
        if (!authorization.allowed("get_member", caller, image)) {
            return List.of();
        }
        return members.list(imageId).stream().filter(m -> ImagePolicy.seesMembership(caller, image, m)).toList();
    }

    /** One membership; every refusal is a 404 here, so nothing about the image's sharing leaks. */
    public ImageMember show(RequestContext caller, String imageId, String memberId) {
        Image image = shared(caller, imageId, () -> new NotFoundException("Only shared images have members."));
        if (!authorization.allowed("get_member", caller, image)) {
            throw new NotFoundException(ImageAuthorization.refused("get_member").getMessage());
        }
        return member(caller, image, memberId);
    }

    /** The member project's answer: pending, accepted or rejected (any JSON value is checked here). */
    public ImageMember changeStatus(RequestContext caller, String imageId, String memberId, Object status) {
        Image image = shared(caller, imageId, () -> notAllowed("update", imageId));
        require(authorization.allowed("get_member", caller, image), "get_member");
        ImageMember member = member(caller, image, memberId);
        require(authorization.allowed("modify_member", caller, image), "modify_member");
        member.changeStatus(ImageMember.Status.fromApi(status), now());
        notifier.info("image.member.update", () -> NotificationPayloads.member(member));
        return member;
    }

    /** Stops sharing the image with the project. */
    public void remove(RequestContext caller, String imageId, String memberId) {
        Image image = shared(caller, imageId, () -> notAllowed("delete", imageId));
        require(authorization.allowed("get_member", caller, image), "get_member");
        ImageMember member = member(caller, image, memberId);
        require(authorization.allowed("delete_member", caller, image), "delete_member");
        member.remove(now());
        notifier.info("image.member.delete", () -> NotificationPayloads.removedMember(member, now()));
    }

    /** The image if the caller may see it (else 404) and it is shared (else {@code notShared}). */
    private Image shared(RequestContext caller, String imageId, Supplier<GlanceException> notShared) {
        Image image = images.find(caller, imageId)
                .orElseThrow(() -> new NotFoundException("Image " + imageId + " not found."));
        if (image.visibility() != Visibility.SHARED) {
            throw notShared.get();
        }
        return image;
    }

    private ImageMember member(RequestContext caller, Image image, String memberId) {
        return members.find(image.id(), memberId).filter(m -> ImagePolicy.seesMembership(caller, image, m))
                .orElseThrow(() -> new NotFoundException(memberId + " not found in the member list of the image "
                        + image.id() + "."));
    }

    private static void require(boolean allowed, String rule) {
        if (!allowed) {
            throw ImageAuthorization.refused(rule);
        }
    }

    private static ForbiddenException notAllowed(String verb, String imageId) {
        return new ForbiddenException("Not allowed to " + verb + " members for image " + imageId + ".");
    }

    private Instant now() {
        return clock.instant();
    }
}
