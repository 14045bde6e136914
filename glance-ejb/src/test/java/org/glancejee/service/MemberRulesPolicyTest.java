package org.glancejee.service;

import org.glancejee.policy.Policy;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.domain.Image;
import org.glancejee.domain.RequestContext;
import org.junit.jupiter.api.Test;

import static org.glancejee.service.Personas.MEMBER;
import static org.glancejee.service.Personas.OWNER;
import static org.glancejee.service.Personas.admin;
import static org.glancejee.service.Personas.caller;
import static org.glancejee.service.Personas.image;
import static org.glancejee.service.Personas.memberRole;
import static org.glancejee.service.Personas.readerRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glance's secure-RBAC defaults for the member rules, persona by persona, on a shared image, as the
 * policy rules decide them through {@link ImageAuthorization}.
 */
class MemberRulesPolicyTest {
    private static final ImageAuthorization AUTHORIZATION =
            new ImageAuthorization(new PolicyEnforcer(Policy.defaults()));
    private final Image shared = image(OWNER, "shared");

    /** add, delete, get_members, get_member, modify, in that order. */
    private String decisions(RequestContext caller) {
        return bit(AUTHORIZATION.allowed("add_member", caller, shared)) + bit(AUTHORIZATION.allowed("delete_member", caller, shared))
                + bit(AUTHORIZATION.allowed("get_members", caller, shared)) + bit(AUTHORIZATION.allowed("get_member", caller, shared))
                + bit(AUTHORIZATION.allowed("modify_member", caller, shared));
    }

    private static String bit(boolean allowed) {
        return allowed ? "y" : "-";
    }

    @Test
    void adminsMayDoEverythingFromAnyProjectOrNone() {
        assertEquals("yyyyy", decisions(admin(null)));
        assertEquals("yyyyy", decisions(admin("admin-project")));
        assertEquals("yyyyy", decisions(admin(OWNER)));
    }

    @Test
    void ownerMembersManageMembersButCannotAnswerForThem() {
        assertEquals("yyyy-", decisions(memberRole(OWNER)));
    }

    @Test
    void ownerReadersOnlyRead() {
        assertEquals("--yy-", decisions(readerRole(OWNER)));
    }

    @Test
    void memberProjectsReadAndAnswerWithTheMemberRole() {
        assertEquals("--yyy", decisions(memberRole(MEMBER)));
    }

    @Test
    void memberProjectReadersOnlyRead() {
        assertEquals("--yy-", decisions(readerRole(MEMBER)));
    }

    @Test
    void withoutRolesNothingIsAllowed() {
        assertEquals("-----", decisions(caller(OWNER)));
        assertEquals("-----", decisions(caller(MEMBER, "observer")));
    }

    @Test
    void theOwnerCannotAnswerEvenForAnImageThatIsNotShared() {
        assertFalse(AUTHORIZATION.allowed("modify_member", memberRole(OWNER), image(OWNER, "private")));
        assertTrue(AUTHORIZATION.allowed("get_member", readerRole(OWNER), image(OWNER, "private")));
    }

    @Test
    void refusalsCarryGlancesPolicyMessage() {
        assertEquals("You are not authorized to complete add_member action.",
                ImageAuthorization.refused("add_member").getMessage());
    }
}
