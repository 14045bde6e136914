package org.glancejee.service;

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

/** Glance's secure-RBAC defaults for the member rules, persona by persona, on a shared image. */
class MemberPolicyTest {
    private final Image shared = image(OWNER, "shared");

    /** add, delete, get_members, get_member, modify, in that order. */
    private String decisions(RequestContext caller) {
        return bit(MemberPolicy.addMember(caller, shared)) + bit(MemberPolicy.deleteMember(caller, shared))
                + bit(MemberPolicy.getMembers(caller, shared)) + bit(MemberPolicy.getMember(caller, shared))
                + bit(MemberPolicy.modifyMember(caller, shared));
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
        assertFalse(MemberPolicy.modifyMember(memberRole(OWNER), image(OWNER, "private")));
        assertTrue(MemberPolicy.getMember(readerRole(OWNER), image(OWNER, "private")));
    }

    @Test
    void refusalsCarryGlancesPolicyMessage() {
        assertEquals("You are not authorized to complete add_member action.",
                MemberPolicy.refusal("add_member").getMessage());
    }
}
