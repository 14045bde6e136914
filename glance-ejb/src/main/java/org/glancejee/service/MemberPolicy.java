package org.glancejee.service;

import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.Image;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.Visibility;

import java.util.Objects;

/**
 * The policy rules of the image members API, one method per rule, as Glance's secure-RBAC defaults
 * (glance/policies/image.py) have them, until the policy engine evaluates them from a policy file:
 * <ul>
 * <li>add_member, delete_member: admin, or the member role in the image's owner project;</li>
 * <li>get_members, get_member: admin, or the reader role in the owner project or in the member project;</li>
 * <li>modify_member: admin, or the member role in the member project (not the owner).</li>
 * </ul>
 * As in Glance the target is the image: {@code project_id} is its owner, and {@code member_id} is the
 * caller's own project when the image is shared with it, that is shared and owned by another project
 * (which member record a caller may touch is the database's business: {@link ImagePolicy#seesMembership}).
 * Projects compare as oslo.policy compares them, so a missing project matches a missing owner.
 */
final class MemberPolicy {
    private MemberPolicy() {
    }

    static boolean addMember(RequestContext caller, Image image) {
        return caller.admin() || (hasRole(caller, "member") && inOwnerProject(caller, image));
    }

    static boolean deleteMember(RequestContext caller, Image image) {
        return caller.admin() || (hasRole(caller, "member") && inOwnerProject(caller, image));
    }

    static boolean getMembers(RequestContext caller, Image image) {
        return getMember(caller, image);
    }

    static boolean getMember(RequestContext caller, Image image) {
        return caller.admin()
                || (hasRole(caller, "reader") && (inOwnerProject(caller, image) || inMemberProject(caller, image)));
    }

    static boolean modifyMember(RequestContext caller, Image image) {
        return caller.admin() || (hasRole(caller, "member") && inMemberProject(caller, image));
    }

    /** Glance's refusal when a rule says no. */
    static ForbiddenException refusal(String rule) {
        return new ForbiddenException("You are not authorized to complete " + rule + " action.");
    }

    private static boolean hasRole(RequestContext caller, String role) {
        return caller.roles().contains(role);
    }

    private static boolean inOwnerProject(RequestContext caller, Image image) {
        return Objects.equals(caller.projectId(), image.owner());
    }

    private static boolean inMemberProject(RequestContext caller, Image image) {
        String member = image.visibility() == Visibility.SHARED && !inOwnerProject(caller, image)
                ? caller.projectId() : null;
        return Objects.equals(caller.projectId(), member);
    }
}
