package org.glancejee.domain;

import org.glancejee.config.IniFile;
import org.glancejee.policy.Policy;
import org.glancejee.policy.PolicyEnforcer;
import org.glancejee.service.ImageAuthorization;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.glancejee.domain.PropertyProtections.Operation.CREATE;
import static org.glancejee.domain.PropertyProtections.Operation.DELETE;
import static org.glancejee.domain.PropertyProtections.Operation.READ;
import static org.glancejee.domain.PropertyProtections.Operation.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roles and policies formats, after Glance's etc/property-protections-*.conf.sample. */
class PropertyProtectionsTest {
    private static final RequestContext ADMIN = caller("admin", "member", "reader");
    private static final RequestContext MEMBER = caller("member", "reader");
    private static final RequestContext SPL_CREATOR = caller("spl_creator", "member");

    private static RequestContext caller(String... roles) {
        return new RequestContext("p1", "u1", Set.of(roles), Set.of(roles).contains("admin"), "req-1");
    }

    private static PropertyProtections roles(String ini) throws Exception {
        return PropertyProtections.of(IniFile.read(new StringReader(ini)), PropertyProtections.Format.ROLES,
                (rule, caller) -> false);
    }

    private static final String SAMPLE = """
            [^x_owner_.*]
            create = admin,member
            read = admin,member
            update = admin,member
            delete = admin,member

            [spl_create_prop]
            create = admin,spl_creator
            read = admin,spl_creator
            update = admin
            delete = admin

            [x_none_read]
            create = @
            read = !
            update = !
            delete = !

            [x_all_permitted]
            create = @
            read = @
            update = @
            delete = @

            [.*]
            create = admin
            read = admin
            update = admin
            delete = admin
            """;

    @Test
    void firstMatchingSectionDecidesByRole() throws Exception {
        PropertyProtections p = roles(SAMPLE);
        assertTrue(p.allows("x_owner_foo", CREATE, MEMBER));
        assertFalse(p.allows("x_owner_foo", CREATE, caller("spl_creator")));
        assertTrue(p.allows("spl_create_prop", CREATE, SPL_CREATOR));
        assertFalse(p.allows("spl_create_prop", UPDATE, SPL_CREATOR));
        assertTrue(p.allows("spl_create_prop", UPDATE, ADMIN));
        assertFalse(p.allows("anything_else", READ, MEMBER), "caught by [.*]: admin only");
        assertTrue(p.allows("anything_else", READ, ADMIN));
    }

    @Test
    void atOpensAndBangCloses() throws Exception {
        PropertyProtections p = roles(SAMPLE);
        assertTrue(p.allows("x_all_permitted", DELETE, caller("nobody-special")));
        assertTrue(p.allows("x_none_read", CREATE, MEMBER));
        assertFalse(p.allows("x_none_read", READ, ADMIN), "! closes an operation even to admins");
    }

    @Test
    void searchMatchesAnywhereUnlessAnchored() throws Exception {
        PropertyProtections p = roles("""
                [foo]
                create = member
                read = member
                update = member
                delete = member
                """);
        assertTrue(p.allows("xfoox", READ, MEMBER), "Python's re.search finds the section anywhere in the name");
        assertFalse(p.allows("bar", READ, ADMIN), "a property no section matches is closed to everyone");
    }

    @Test
    void rolesCompareWithoutCaseAndServiceRolesCount() throws Exception {
        PropertyProtections p = roles("""
                [^svc_]
                create = Service
                read = @
                update = service
                delete = !
                """);
        RequestContext withServiceToken = new RequestContext("p1", "u1", Set.of("member"), false, "r",
                Set.of("service"));
        assertTrue(p.allows("svc_x", CREATE, withServiceToken));
        assertFalse(p.allows("svc_x", CREATE, MEMBER));
    }

    @Test
    void anEmptyOperationAllowsNobody() throws Exception {
        PropertyProtections p = roles("""
                [x]
                create =
                read = @
                update = @
                delete = @
                """);
        assertFalse(p.allows("x", CREATE, ADMIN));
    }

    @Test
    void policiesFormatAsksTheNamedRule() throws Exception {
        PropertyProtections p = PropertyProtections.of(IniFile.read(new StringReader("""
                [^x_billing_]
                create = glance_creator
                read = @
                update = !
                delete = glance_creator
                """)), PropertyProtections.Format.POLICIES,
                (rule, caller) -> rule.equals("glance_creator") && caller.roles().contains("billing"));
        assertTrue(p.allows("x_billing_code", CREATE, caller("billing")));
        assertFalse(p.allows("x_billing_code", CREATE, MEMBER));
        assertTrue(p.allows("x_billing_code", READ, MEMBER));
        assertFalse(p.allows("x_billing_code", UPDATE, caller("billing")));
    }

    @Test
    void malformedFilesAreRefused() {
        String missingDelete = "[x]\ncreate = @\nread = @\nupdate = @\n";
        assertThrows(IllegalArgumentException.class, () -> roles(missingDelete));
        assertThrows(IllegalArgumentException.class,
                () -> roles("[x]\ncreate = @,!\nread = @\nupdate = @\ndelete = @\n"));
        assertThrows(IllegalArgumentException.class,
                () -> roles("[x(]\ncreate = @\nread = @\nupdate = @\ndelete = @\n"));
        assertThrows(IllegalArgumentException.class, () -> PropertyProtections.of(Map.of("x", Map.of(
                "create", "a,b", "read", "@", "update", "@", "delete", "@")), PropertyProtections.Format.POLICIES,
                (r, c) -> true));
    }

    @Test
    void noProtectionsAllowEverything() {
        assertTrue(PropertyProtections.NONE.allows("x", DELETE, caller()));
        assertFalse(PropertyProtections.NONE.enabled());
    }

    @Test
    void patchAndCreateFollowTheProtections() throws Exception {
        PropertyProtections p = roles(SAMPLE);
        ImageRules rules = new ImageRules(List.of("raw"), List.of("bare"), 128, 128, p,
                new ImageAuthorization(new PolicyEnforcer(Policy.defaults())));
        Image image = Image.newImage(null, "p1", java.time.Instant.now());
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> rules.applyCreate(image, Map.of("spl_create_prop", "v"), MEMBER));
        assertEquals("Attribute 'spl_create_prop' is reserved.", refused.getMessage());
        rules.applyCreate(image, Map.of("x_owner_a", "1", "x_none_read", "secret"), MEMBER);
        ConflictException hidden = assertThrows(ConflictException.class, () -> rules.applyPatch(image,
                List.of(new PatchOperation(PatchOperation.Op.REMOVE, "x_none_read", null)), false, ADMIN));
        assertEquals("Property x_none_read does not exist.", hidden.detail(),
                "to a caller who may not read it, the property is not there");
        assertEquals("secret", image.properties().get("x_none_read"), "an unreadable property is kept");
    }
}
