package org.glancejee.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Glance's default rules for its personas. Expected values are read off the check strings in
 * glance/policies/base.py and image.py and the targets of glance/api/v2/policy.py; the image table
 * was also run through oslo.policy 4.0 with those rules (enforce_new_defaults, enforce_scope).
 */
class GlanceDefaultPolicyTest {

    private static final Policy POLICY = Policy.defaults();
    private static final String OWNER = "p-owner";
    private static final List<String> VISIBILITIES = List.of("public", "private", "shared", "community");

    /** Roles as Keystone puts them in a token, implied roles included (admin > member > reader). */
    enum Persona {
        ADMIN("p-admin", "admin", "member", "reader"),
        OWNER_MEMBER(OWNER, "member", "reader"),
        OWNER_READER(OWNER, "reader"),
        OTHER_MEMBER("p-other", "member", "reader"),
        OTHER_READER("p-other", "reader"),
        SERVICE("p-service", "service");

        final Credentials creds;

        Persona(String project, String... roles) {
            creds = Credentials.project(project, "u-" + name().toLowerCase(), Set.of(roles));
        }
    }

    private static boolean allowed(String rule, Persona persona, Map<String, ?> target) {
        return POLICY.allowed(rule, persona.creds, target);
    }

    /**
     * Rules on an existing image owned by p-owner, in each visibility; the last column lists those where
     * the persona is allowed. For a shared image the other project is a member (only members find it:
     * glance/db/__init__.py then sets the image's "member" to the caller's project, read as member_id).
     */
    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // ADMIN_OR_PROJECT_READER_GET_IMAGE: reader and (owner or member or community/public/shared)
            "get_image | ADMIN        | public private shared community",
            "get_image | OWNER_MEMBER | public private shared community",
            "get_image | OWNER_READER | public private shared community",
            "get_image | OTHER_MEMBER | public shared community",
            "get_image | OTHER_READER | public shared community",
            // the same with role:member, so readers may see but not download
            "download_image download_from_store | ADMIN        | public private shared community",
            "download_image download_from_store | OWNER_MEMBER | public private shared community",
            "download_image download_from_store | OWNER_READER | ",
            "download_image download_from_store | OTHER_MEMBER | public shared community",
            "download_image download_from_store | OTHER_READER | ",
            // ADMIN_OR_PROJECT_MEMBER: only the owning project's members change an image
            "modify_image delete_image upload_image deactivate reactivate communitize_image add_member delete_member"
                    + " set_image_location | ADMIN        | public private shared community",
            "modify_image delete_image upload_image deactivate reactivate communitize_image add_member delete_member"
                    + " set_image_location | OWNER_MEMBER | public private shared community",
            "modify_image delete_image upload_image deactivate reactivate communitize_image add_member delete_member"
                    + " set_image_location | OWNER_READER | ",
            "modify_image delete_image upload_image deactivate reactivate communitize_image add_member delete_member"
                    + " set_image_location | OTHER_MEMBER | ",
            "modify_image delete_image upload_image deactivate reactivate communitize_image add_member delete_member"
                    + " set_image_location | OTHER_READER | ",
            // role:admin alone
            "publicize_image copy_image delete_image_location | ADMIN        | public private shared community",
            "publicize_image copy_image delete_image_location | OWNER_MEMBER | ",
            "publicize_image copy_image delete_image_location | OTHER_MEMBER | ",
            // ADMIN_OR_PROJECT_READER_OR_SHARED_MEMBER: owner's readers, or readers of the member project
            "get_members get_member | ADMIN        | public private shared community",
            "get_members get_member | OWNER_MEMBER | public private shared community",
            "get_members get_member | OWNER_READER | public private shared community",
            "get_members get_member | OTHER_MEMBER | shared",
            "get_members get_member | OTHER_READER | shared",
            // ADMIN_OR_SHARED_MEMBER: accepting or rejecting is the member project's, not the owner's
            "modify_member | ADMIN        | public private shared community",
            "modify_member | OWNER_MEMBER | ",
            "modify_member | OWNER_READER | ",
            "modify_member | OTHER_MEMBER | shared",
            "modify_member | OTHER_READER | ",
            // ADMIN_OR_PROJECT_READER
            "get_image_location | OWNER_READER | public private shared community",
            "get_image_location | OTHER_MEMBER | ",
    })
    void imageRules(String rules, Persona persona, String allowedIn) {
        Set<String> expected = allowedIn == null ? Set.of() : Set.of(allowedIn.trim().split("\\s+"));
        for (String rule : rules.trim().split("\\s+")) {
            for (String visibility : VISIBILITIES) {
                Map<String, Object> image = PolicyTargets.image("i1", OWNER, visibility, persona.creds.projectId());
                assertEquals(expected.contains(visibility), allowed(rule, persona, image),
                        rule + " by " + persona + " on a " + visibility + " image");
            }
        }
    }

    @Test
    void aSharedImageRuleDoesNotCheckMembershipItself() {
        // 'shared':%(visibility)s is a pure visibility test; the DB layer hides the image from non-members
        Map<String, Object> sharedToSomeoneElse = PolicyTargets.image("i1", OWNER, "shared", "p-third");
        assertTrue(allowed("get_image", Persona.OTHER_READER, sharedToSomeoneElse));
    }

    @ParameterizedTest(name = "add_image by {0} with owner {1}: {2}")
    @CsvSource({
            "ADMIN,        p-owner, true",
            "ADMIN,        ,        true",
            "OWNER_MEMBER, p-owner, true",
            "OWNER_MEMBER, ,        true",
            "OWNER_MEMBER, p-other, false",
            "OWNER_READER, p-owner, false",
            "OTHER_MEMBER, ,        true",
            "OTHER_MEMBER, p-owner, false",
    })
    void addImageOnlyForTheCallersOwnProjectUnlessAdmin(Persona persona, String owner, boolean expected) {
        // images.py create() fills in the caller's project when the request names no owner
        assertEquals(expected, allowed("add_image", persona,
                PolicyTargets.newImage(owner, null, persona.creds.projectId())));
    }

    @Test
    void anyReaderMayListImagesOfTheirProject() {
        // images.py index(): target {'project_id': context.project_id}
        for (Persona persona : List.of(Persona.ADMIN, Persona.OWNER_MEMBER, Persona.OWNER_READER,
                Persona.OTHER_MEMBER, Persona.OTHER_READER)) {
            assertTrue(allowed("get_images", persona, PolicyTargets.ownProject(persona.creds.projectId())));
        }
        assertFalse(allowed("get_images", Persona.SERVICE, PolicyTargets.ownProject("p-service")));
    }

    @Test
    void tasksAndCacheAreForAdmins() {
        for (String rule : List.of("tasks_api_access", "cache_image", "cache_list", "cache_delete", "cache_clean",
                "cache_prune", "manage_image_cache", "list_cached_nodes")) {
            assertTrue(allowed(rule, Persona.ADMIN, PolicyTargets.none()), rule);
            assertFalse(allowed(rule, Persona.OWNER_MEMBER, PolicyTargets.none()), rule);
        }
        // the internal task rules are rule:default, which is "" in the new defaults
        assertTrue(allowed("get_task", Persona.OTHER_READER, PolicyTargets.none()));
        assertTrue(allowed("add_task", Persona.OTHER_READER, PolicyTargets.none()));
    }

    @Test
    void serviceRuleAcceptsTheServiceRoleOrAdmin() {
        Map<String, Object> image = PolicyTargets.image("i1", OWNER, "private", "p-service");
        assertTrue(allowed("fetch_image_location", Persona.SERVICE, image));
        assertTrue(allowed("fetch_image_location", Persona.ADMIN, image));
        assertFalse(allowed("fetch_image_location", Persona.OWNER_MEMBER, image));
        assertTrue(allowed("stores_info_detail", Persona.SERVICE, PolicyTargets.none()));
        assertFalse(allowed("stores_info_detail", Persona.OWNER_MEMBER, PolicyTargets.none()));
        // SERVICE_OR_PROJECT_MEMBER
        assertTrue(allowed("add_image_location", Persona.OWNER_MEMBER,
                PolicyTargets.image("i1", OWNER, "private", OWNER)));
        assertFalse(allowed("add_image_location", Persona.OTHER_MEMBER,
                PolicyTargets.image("i1", OWNER, "private", "p-other")));
    }

    @Test
    void serviceTokenRolesAreNotUserRoles() {
        // role: checks read the user's roles; a service token's show up only as service_roles
        Credentials withServiceToken = Persona.OWNER_MEMBER.creds.withServiceRoles(Set.of("service"));
        assertFalse(POLICY.allowed("fetch_image_location", withServiceToken,
                PolicyTargets.image("i1", OWNER, "private", OWNER)));
    }

    @Test
    void metadefReadsNeedOwnerOrPublicAndWritesNeedAdmin() {
        assertTrue(allowed("get_metadef_namespace", Persona.OTHER_READER, PolicyTargets.metadefNamespace(OWNER, "public")));
        assertFalse(allowed("get_metadef_namespace", Persona.OTHER_READER, PolicyTargets.metadefNamespace(OWNER, "private")));
        assertTrue(allowed("get_metadef_tags", Persona.OWNER_READER, PolicyTargets.metadefNamespace(OWNER, "private")));
        assertTrue(allowed("get_metadef_namespaces", Persona.OTHER_READER, PolicyTargets.ownProject("p-other")));
        assertFalse(allowed("add_metadef_namespace", Persona.OWNER_MEMBER, PolicyTargets.ownProject(OWNER)));
        assertTrue(allowed("add_metadef_namespace", Persona.ADMIN, PolicyTargets.ownProject("p-admin")));
    }

    @Test
    void projectRulesRefuseSystemAndDomainScopedTokens() {
        Map<String, Object> image = PolicyTargets.image("i1", OWNER, "public", null);
        Credentials systemAdmin = Credentials.project(null, "u", Set.of("admin")).withSystemScope("all");
        Credentials domainAdmin = Credentials.project(null, "u", Set.of("admin")).withDomainId("d1");
        assertFalse(POLICY.allowed("get_image", systemAdmin, image));
        assertFalse(POLICY.allowed("get_image", domainAdmin, image));
        // context_is_admin is registered without scope types
        assertTrue(POLICY.allowed("context_is_admin", systemAdmin, Map.of()));
        assertTrue(POLICY.isAdmin(systemAdmin));
    }

    @Test
    void adminIsTheAdminRoleOnAnyProject() {
        assertTrue(POLICY.isAdmin(Persona.ADMIN.creds));
        assertTrue(POLICY.isAdmin(Credentials.project("p", "u", Set.of("Admin"))));
        assertFalse(POLICY.isAdmin(Persona.OWNER_MEMBER.creds));
    }

    @Test
    void aRuleNameGlanceDoesNotRegisterIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> POLICY.allowed("get_imag", Persona.ADMIN.creds, Map.of()));
    }

    @Test
    void everyRuleGlanceRegisters() {
        Set<String> expected = Set.of("default", "context_is_admin", "service_api",
                "add_image", "delete_image", "get_image", "get_images", "modify_image", "publicize_image",
                "communitize_image", "download_image", "download_from_store", "upload_image",
                "delete_image_location", "get_image_location", "set_image_location", "add_image_location",
                "fetch_image_location", "add_member", "delete_member", "get_member", "get_members",
                "modify_member", "manage_image_cache", "deactivate", "reactivate", "copy_image",
                "list_cached_nodes",
                "get_task", "get_tasks", "add_task", "modify_task", "tasks_api_access",
                "metadef_default", "metadef_admin", "get_metadef_namespace", "get_metadef_namespaces",
                "modify_metadef_namespace", "add_metadef_namespace", "delete_metadef_namespace",
                "get_metadef_object", "get_metadef_objects", "modify_metadef_object", "add_metadef_object",
                "delete_metadef_object", "list_metadef_resource_types", "get_metadef_resource_type",
                "add_metadef_resource_type_association", "remove_metadef_resource_type_association",
                "get_metadef_property", "get_metadef_properties", "modify_metadef_property",
                "add_metadef_property", "remove_metadef_property", "get_metadef_tag", "get_metadef_tags",
                "modify_metadef_tag", "add_metadef_tag", "add_metadef_tags", "delete_metadef_tag",
                "delete_metadef_tags",
                "cache_image", "cache_list", "cache_delete", "cache_clean", "cache_prune",
                "stores_info_detail");
        assertEquals(67, expected.size());
        assertEquals(expected, POLICY.registeredRuleNames());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the check strings as oslopolicy-sample-generator prints them for Glance
            "get_image | rule:context_is_admin or (role:reader and (project_id:%(project_id)s or project_id:%(member_id)s"
                    + " or 'community':%(visibility)s or 'public':%(visibility)s or 'shared':%(visibility)s))",
            "add_image | rule:context_is_admin or (role:member and project_id:%(project_id)s and project_id:%(owner)s)",
            "get_members | rule:context_is_admin or role:reader and (project_id:%(project_id)s"
                    + " or project_id:%(member_id)s)",
            "modify_member | rule:context_is_admin or (role:member and project_id:%(member_id)s)",
            "add_image_location | rule:service_api or (role:member and project_id:%(project_id)s"
                    + " and project_id:%(owner)s)",
            "stores_info_detail | rule:context_is_admin or rule:service_api",
            "get_metadef_namespace | rule:context_is_admin or (role:reader and (project_id:%(project_id)s"
                    + " or 'public':%(visibility)s))",
            "service_api | role:service or role:admin",
    })
    void checkStringsAreGlances(String rule, String checkString) {
        assertEquals(checkString, GlanceDefaultRules.all().stream()
                .filter(r -> r.name().equals(rule)).findFirst().orElseThrow().checkString());
    }

    @Test
    void onlyGlancesHelperRulesAcceptAnyScope() {
        List<String> anyScope = GlanceDefaultRules.all().stream()
                .filter(r -> r.scopeTypes().isEmpty()).map(RuleDefault::name).toList();
        assertEquals(Arrays.asList("default", "context_is_admin", "service_api", "metadef_default", "metadef_admin"),
                anyScope);
    }
}
