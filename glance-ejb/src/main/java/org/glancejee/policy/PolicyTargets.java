package org.glancejee.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The targets Glance hands the policy for each kind of call (glance/api/v2/policy.py and
 * glance/api/policy.py's ImageTarget), so that default and operator rules see the keys they expect.
 * Values are strings as the API shows them; a key mapped to null reads as Python's "None".
 */
public final class PolicyTargets {
    private PolicyTargets() {
    }

    /**
     * An existing image, for the image, member, data and location rules: {@code project_id} and
     * {@code owner} are its owner, {@code member_id} is the caller's project when the image is shared
     * and the caller does not own it (Glance's DB layer only lets members find such an image), else null.
     */
    public static Map<String, Object> image(String imageId, String owner, String visibility, String callerProjectId) {
        return image(imageId, owner, visibility, callerProjectId, Map.of());
    }

    /**
     * The same, with more of the image's attributes and custom properties (e.g. {@code name},
     * {@code status}, {@code hw_disk_bus}) for operators' rules; they cannot shadow the keys above.
     */
    public static Map<String, Object> image(String imageId, String owner, String visibility, String callerProjectId,
                                            Map<String, ?> attributes) {
        Map<String, Object> target = new HashMap<>(attributes);
        boolean sharedWithCaller = "shared".equals(visibility) && !equal(callerProjectId, owner);
        target.put("id", imageId);
        target.put("image_id", imageId);
        target.put("owner", owner);
        target.put("project_id", owner);
        target.put("visibility", visibility);
        target.put("member", sharedWithCaller ? callerProjectId : null);
        target.put("member_id", sharedWithCaller ? callerProjectId : null);
        return target;
    }

    /**
     * An image about to be created, for {@code add_image}: the requested owner (null when the request
     * names none, so the caller's project) and visibility (null for the default, private).
     */
    public static Map<String, Object> newImage(String requestedOwner, String requestedVisibility,
                                               String callerProjectId) {
        String owner = requestedOwner != null ? requestedOwner : callerProjectId;
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", owner);
        target.put("owner", owner);
        target.put("visibility", requestedVisibility != null ? requestedVisibility : "private");
        return target;
    }

    /** A metadef namespace (or something inside one), for the metadef rules. */
    public static Map<String, Object> metadefNamespace(String owner, String visibility) {
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", owner);
        target.put("visibility", visibility);
        return target;
    }

    /**
     * Calls about no image or namespace in particular: {@code get_images} and the metadef listings and
     * creations, where Glance's target is the caller's own project.
     */
    public static Map<String, Object> ownProject(String callerProjectId) {
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", callerProjectId);
        return target;
    }

    /** Tasks, discovery and cache calls without an image: Glance passes an empty target. */
    public static Map<String, Object> none() {
        return Map.of();
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
