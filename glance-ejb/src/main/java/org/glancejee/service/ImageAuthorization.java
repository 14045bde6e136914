package org.glancejee.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageAttribute;
import org.glancejee.domain.ImagePermissions;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.policy.Credentials;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.policy.PolicyTargets;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Glance's image policy checks (glance/api/v2/policy.py ImageAPIPolicy) over the policy rules: a caller
 * refused an action on an image it may see gets 403; one that may not even {@code get_image} it gets 404,
 * so the image's existence does not leak.
 */
@ApplicationScoped
public class ImageAuthorization implements ImagePermissions {
    public static final String GET_IMAGE = "get_image";

    @Inject
    PolicyEnforcer policy;

    public ImageAuthorization() {
    }

    /** For tests, over a given enforcer. */
    public ImageAuthorization(PolicyEnforcer policy) {
        this.policy = policy;
    }

    public static Credentials credentials(RequestContext caller) {
        return Credentials.project(caller.projectId(), caller.userId(), caller.roles())
                .withServiceRoles(caller.serviceRoles());
    }

    public boolean allowed(String rule, RequestContext caller, Image image) {
        return policy.allowed(rule, credentials(caller), target(image, caller));
    }

    /** Which of many images the caller may get_image (a list page): credentials are built once. */
    public Predicate<Image> mayGet(RequestContext caller) {
        Credentials credentials = credentials(caller);
        return image -> policy.allowed(GET_IMAGE, credentials, target(image, caller));
    }

    /** Enforces a rule on an existing image: 403, or 404 when the caller may not get the image at all. */
    public void enforce(String rule, RequestContext caller, Image image) {
        if (allowed(rule, caller, image)) {
            return;
        }
        if (rule.equals(GET_IMAGE) || !allowed(GET_IMAGE, caller, image)) {
            throw new NotFoundException(null);
        }
        throw refused(rule);
    }

    /** A rule about the caller's own project ({@code get_images}, {@code tasks_api_access}, ...). */
    public void enforceForProject(String rule, RequestContext caller) {
        if (!policy.allowed(rule, credentials(caller), PolicyTargets.ownProject(caller.projectId()))) {
            throw refused(rule);
        }
    }

    @Override
    public void mayCreate(String owner, String visibility, RequestContext caller) {
        Map<String, Object> target = PolicyTargets.newImage(owner, visibility, caller.projectId());
        Credentials credentials = credentials(caller);
        if (!policy.allowed("add_image", credentials, target)) {
            if (owner != null && !owner.equals(caller.projectId())) {
                throw new ForbiddenException(null, "You are not permitted to create images owned by '" + owner + "'");
            }
            throw refused("add_image");
        }
        enforceVisibility(visibility, credentials, target);
    }

    @Override
    public void mayChange(Image image, String property, Object value, RequestContext caller) {
        if (property.equals(ImageAttribute.VISIBILITY.apiName()) && value instanceof String visibility) {
            enforceVisibility(visibility, credentials(caller), target(image, caller));
        }
        enforce("modify_image", caller, image);
    }

    private void enforceVisibility(String visibility, Credentials credentials, Map<String, Object> target) {
        String rule = "public".equals(visibility) ? "publicize_image"
                : "community".equals(visibility) ? "communitize_image" : null;
        if (rule != null && !policy.allowed(rule, credentials, target)) {
            throw refused(rule);
        }
    }

    private static Map<String, Object> target(Image image, RequestContext caller) {
        return PolicyTargets.image(image.id(), image.owner(), image.visibility().apiName(), caller.projectId());
    }

    /** Glance's refusal when a rule says no. */
    static ForbiddenException refused(String rule) {
        return new ForbiddenException("You are not authorized to complete " + rule + " action.");
    }
}
