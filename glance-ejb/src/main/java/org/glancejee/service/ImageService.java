package org.glancejee.service;

import org.glancejee.notifications.Notifier;
import org.glancejee.notifications.NotificationPayloads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.glancejee.config.ApiSettings;
import org.glancejee.config.ScrubberSettings;
import org.glancejee.jobs.ScrubTransactions;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.ImageAttribute;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImageMemberRepository;
import org.glancejee.domain.ImagePage;
import org.glancejee.domain.ImageQuery;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.ImageRules;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.PatchOperation;
import org.glancejee.domain.RequestContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The image catalogue's use cases: create, show, list, update, tag and delete image records. */
@Stateless
public class ImageService {

    @Inject
    ImageRepository images;

    @Inject
    ImageMemberRepository members;

    @Inject
    VisibleImages visibleImages;

    @Inject
    ApiSettings settings;

    @Inject
    DataRemoval dataRemoval;

    @Inject
    PropertyProtectionRules protections;

    @Inject
    ImageAuthorization authorization;

    @Inject
    ImageQuotas quotas;

    @Inject
    LocationChanges locations;

    @Inject
    ScrubberSettings scrubber;

    @Inject
    ScrubTransactions scrubTransactions;

    private static final Predicate<PatchOperation> LOCATIONS =
            op -> op.path().equals(ImageAttribute.LOCATIONS.apiName());

    @Inject
    Notifier notifier;

    private final Clock clock = Clock.systemUTC();

    public Image create(RequestContext caller, Map<String, Object> fields) {
        Object requested = fields.get(ImageAttribute.ID.apiName());
        Image image = Image.newImage(requested instanceof String s ? s : null, caller.projectId(), now());
        rules().applyCreate(image, fields, caller);
        quotas.checkCreate(caller);
        if (requested != null && images.idTaken(image.id())) {
            throw new ConflictException("Image ID " + image.id() + " already exists!");
        }
        images.add(image);
        notifier.info("image.create", () -> NotificationPayloads.image(image));
        return image;
    }

    public Image show(RequestContext caller, String id) {
        Image image = visibleImages.require(caller, id);
        authorization.enforce(ImageAuthorization.GET_IMAGE, caller, image);
        return image;
    }

    /** One page; as in Glance, images the caller may not get_image are left out of the page. */
    public ImagePage list(RequestContext caller, ImageQuery query) {
        authorization.enforceForProject("get_images", caller);
        ImagePage page = images.list(query, caller);
        List<Image> allowed = page.images().stream().filter(authorization.mayGet(caller)).toList();
        return allowed.size() == page.images().size() ? page : new ImagePage(allowed, page.more());
    }

    public Image update(RequestContext caller, String id, List<PatchOperation> changes, boolean strictAdd) {
        ImageRules rules = rules();
        List<PatchOperation> locationChanges = changes.stream().filter(LOCATIONS).toList();
        List<PatchOperation> others = changes.stream().filter(LOCATIONS.negate()).toList();
        rules.checkPatch(others);
        Image image = visibleImages.require(caller, id);
        if (!locationChanges.isEmpty()) {
            authorization.enforce("modify_image", caller, image);
        }
        rules.applyPatch(image, others, strictAdd, caller);
        for (PatchOperation change : locationChanges) {
            locations.apply(caller, image, change, now());
        }
        if (!changes.isEmpty()) {
            // Glance saves (and so moves updated_at) only when there were changes.
            image.touch(now());
        }
        notifier.info("image.update", () -> NotificationPayloads.image(image));
        return image;
    }

    /**
     * Marks the image deleted, with its locations and memberships as Glance does; its stored data is removed
     * once that has committed.
     */
    public void delete(RequestContext caller, String id) {
        Image image = visibleImages.find(caller, id)
                .orElseThrow(() -> new NotFoundException("Failed to find image " + id + " to delete"));
        authorization.enforce("delete_image", caller, image);
        boolean staged = image.status() == ImageStatus.UPLOADING || image.status() == ImageStatus.IMPORTING;
        List<ImageLocation> locations = images.activeLocations(id);
        if (scrubber.delayedDelete() && !locations.isEmpty()) {
            image.deleteLater(now());
            locations.forEach(l -> l.markPendingDelete(now()));
        } else {
            image.delete(now());
            locations.forEach(l -> l.markDeleted(now()));
            dataRemoval.afterCommit(locations);
        }
        members.list(id).forEach(m -> m.remove(now()));
        notifier.info("image.delete", () -> NotificationPayloads.deletedImage(image, now()));
        dataRemoval.cachedAfterCommit(id);
        if (staged) {
            dataRemoval.stagedAfterCommit(id);
        }
    }

    /**
     * Brings back a pending_delete image (delayed_delete) before the scrubber removes its data. Admins only,
     * as Glance's glance-scrubber --restore is an operator's command (not a policy rule: Glance has none).
     */
    public void restore(RequestContext caller, String id) {
        if (!caller.admin()) {
            throw new ForbiddenException("Only an admin may restore a deleted image.");
        }
        scrubTransactions.restore(id);
    }

    public void deactivate(RequestContext caller, String id) {
        Image image = visibleImages.require(caller, id);
        authorization.enforce("deactivate", caller, image);
        image.deactivate(now());
        notifier.info("image.update", () -> NotificationPayloads.image(image));
    }

    public void reactivate(RequestContext caller, String id) {
        Image image = visibleImages.require(caller, id);
        authorization.enforce("reactivate", caller, image);
        image.reactivate(now());
        notifier.info("image.update", () -> NotificationPayloads.image(image));
    }

    public void addTag(RequestContext caller, String id, String tag) {
        rules().checkTag(tag);
        Image image = visibleImages.find(caller, id)
                .orElseThrow(() -> new NotFoundException("Image " + id + " not found."));
        authorization.enforce("modify_image", caller, image);
        rules().checkNewTag(image, tag);
        image.addTag(tag);
        image.touch(now());
        notifier.info("image.update", () -> NotificationPayloads.image(image));
    }

    public void removeTag(RequestContext caller, String id, String tag) {
        Image image = visibleImages.require(caller, id);
        authorization.enforce("modify_image", caller, image);
        image.removeTag(tag);
        image.touch(now());
        notifier.info("image.update", () -> NotificationPayloads.image(image));
    }

    private ImageRules rules() {
        return new ImageRules(settings.diskFormats(), settings.containerFormats(),
                settings.imagePropertyQuota(), settings.imageTagQuota(), protections.protections(), authorization);
    }

    private Instant now() {
        return clock.instant();
    }

}
