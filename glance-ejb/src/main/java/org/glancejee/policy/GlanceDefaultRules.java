package org.glancejee.policy;

import static org.glancejee.policy.RuleDefault.anyScope;
import static org.glancejee.policy.RuleDefault.project;

import java.util.List;

/**
 * The rules Glance registers (glance/policies/{base,image,tasks,metadef,cache,discovery}.py, upstream
 * master), with their secure-RBAC defaults: what applies with {@code enforce_new_defaults} and
 * {@code enforce_scope} on, the only mode of current Glance. Deprecated legacy check strings are left out.
 */
public final class GlanceDefaultRules {
    private GlanceDefaultRules() {
    }

    // Building blocks of glance/policies/base.py, spelled as Glance spells them.
    static final String ADMIN = "rule:context_is_admin";
    static final String DEFAULT = "rule:default";
    static final String SERVICE = "rule:service_api";
    static final String METADEF_ADMIN = "rule:metadef_admin";
    static final String PROJECT_MEMBER = "role:member and project_id:%(project_id)s";
    static final String PROJECT_READER = "role:reader and project_id:%(project_id)s";
    static final String IMAGE_MEMBER_CHECK = "project_id:%(member_id)s";
    static final String COMMUNITY_VISIBILITY_CHECK = "'community':%(visibility)s";
    static final String PUBLIC_VISIBILITY_CHECK = "'public':%(visibility)s";
    static final String SHARED_VISIBILITY_CHECK = "'shared':%(visibility)s";

    private static final String OWNER_OR_IMAGE_MEMBER_OR_COMMUNITY_OR_PUBLIC_OR_SHARED =
            "(project_id:%(project_id)s or " + IMAGE_MEMBER_CHECK + " or " + COMMUNITY_VISIBILITY_CHECK
                    + " or " + PUBLIC_VISIBILITY_CHECK + " or " + SHARED_VISIBILITY_CHECK + ")";
    static final String ADMIN_OR_PROJECT_MEMBER = ADMIN + " or (" + PROJECT_MEMBER + ")";
    static final String ADMIN_OR_PROJECT_READER = ADMIN + " or (" + PROJECT_READER + ")";
    static final String ADMIN_OR_PROJECT_READER_GET_IMAGE =
            ADMIN + " or (role:reader and " + OWNER_OR_IMAGE_MEMBER_OR_COMMUNITY_OR_PUBLIC_OR_SHARED + ")";
    static final String ADMIN_OR_PROJECT_MEMBER_DOWNLOAD_IMAGE =
            ADMIN + " or (role:member and " + OWNER_OR_IMAGE_MEMBER_OR_COMMUNITY_OR_PUBLIC_OR_SHARED + ")";
    static final String ADMIN_OR_PROJECT_MEMBER_CREATE_IMAGE =
            ADMIN + " or (" + PROJECT_MEMBER + " and project_id:%(owner)s)";
    static final String ADMIN_OR_PROJECT_READER_GET_NAMESPACE =
            ADMIN + " or (role:reader and (project_id:%(project_id)s or " + PUBLIC_VISIBILITY_CHECK + "))";
    static final String ADMIN_OR_SHARED_MEMBER = ADMIN + " or (role:member and " + IMAGE_MEMBER_CHECK + ")";
    // Unparenthesised in Glance too; "and" binds first, so it reads admin or (reader and (...)).
    static final String ADMIN_OR_PROJECT_READER_OR_SHARED_MEMBER =
            ADMIN + " or role:reader and (project_id:%(project_id)s or " + IMAGE_MEMBER_CHECK + ")";
    static final String SERVICE_OR_PROJECT_MEMBER =
            SERVICE + " or (" + PROJECT_MEMBER + " and project_id:%(owner)s)";
    static final String ADMIN_OR_SERVICE_ROLE = ADMIN + " or " + SERVICE;

    private static final List<RuleDefault> ALL = List.of(
            // base.py
            anyScope("default", ""),
            anyScope("context_is_admin", "role:admin"),
            anyScope("service_api", "role:service or role:admin"),
            // image.py
            project("add_image", ADMIN_OR_PROJECT_MEMBER_CREATE_IMAGE),
            project("delete_image", ADMIN_OR_PROJECT_MEMBER),
            project("get_image", ADMIN_OR_PROJECT_READER_GET_IMAGE),
            project("get_images", ADMIN_OR_PROJECT_READER),
            project("modify_image", ADMIN_OR_PROJECT_MEMBER),
            project("publicize_image", ADMIN),
            project("communitize_image", ADMIN_OR_PROJECT_MEMBER),
            project("download_image", ADMIN_OR_PROJECT_MEMBER_DOWNLOAD_IMAGE),
            project("download_from_store", ADMIN_OR_PROJECT_MEMBER_DOWNLOAD_IMAGE),
            project("upload_image", ADMIN_OR_PROJECT_MEMBER),
            project("delete_image_location", ADMIN),
            project("get_image_location", ADMIN_OR_PROJECT_READER),
            project("set_image_location", ADMIN_OR_PROJECT_MEMBER),
            project("add_image_location", SERVICE_OR_PROJECT_MEMBER),
            project("fetch_image_location", SERVICE),
            project("add_member", ADMIN_OR_PROJECT_MEMBER),
            project("delete_member", ADMIN_OR_PROJECT_MEMBER),
            project("get_member", ADMIN_OR_PROJECT_READER_OR_SHARED_MEMBER),
            project("get_members", ADMIN_OR_PROJECT_READER_OR_SHARED_MEMBER),
            project("modify_member", ADMIN_OR_SHARED_MEMBER),
            project("manage_image_cache", ADMIN),
            project("deactivate", ADMIN_OR_PROJECT_MEMBER),
            project("reactivate", ADMIN_OR_PROJECT_MEMBER),
            project("copy_image", ADMIN),
            project("list_cached_nodes", ADMIN),
            // tasks.py: tasks_api_access guards the API; the others are only checked inside Glance
            project("get_task", DEFAULT),
            project("get_tasks", DEFAULT),
            project("add_task", DEFAULT),
            project("modify_task", DEFAULT),
            project("tasks_api_access", ADMIN),
            // metadef.py
            anyScope("metadef_default", ""),
            anyScope("metadef_admin", ADMIN),
            project("get_metadef_namespace", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("get_metadef_namespaces", ADMIN_OR_PROJECT_READER),
            project("modify_metadef_namespace", METADEF_ADMIN),
            project("add_metadef_namespace", METADEF_ADMIN),
            project("delete_metadef_namespace", METADEF_ADMIN),
            project("get_metadef_object", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("get_metadef_objects", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("modify_metadef_object", METADEF_ADMIN),
            project("add_metadef_object", METADEF_ADMIN),
            project("delete_metadef_object", METADEF_ADMIN),
            project("list_metadef_resource_types", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("get_metadef_resource_type", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("add_metadef_resource_type_association", METADEF_ADMIN),
            project("remove_metadef_resource_type_association", METADEF_ADMIN),
            project("get_metadef_property", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("get_metadef_properties", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("modify_metadef_property", METADEF_ADMIN),
            project("add_metadef_property", METADEF_ADMIN),
            project("remove_metadef_property", METADEF_ADMIN),
            project("get_metadef_tag", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("get_metadef_tags", ADMIN_OR_PROJECT_READER_GET_NAMESPACE),
            project("modify_metadef_tag", METADEF_ADMIN),
            project("add_metadef_tag", METADEF_ADMIN),
            project("add_metadef_tags", METADEF_ADMIN),
            project("delete_metadef_tag", METADEF_ADMIN),
            project("delete_metadef_tags", METADEF_ADMIN),
            // cache.py
            project("cache_image", ADMIN),
            project("cache_list", ADMIN),
            project("cache_delete", ADMIN),
            project("cache_clean", ADMIN),
            project("cache_prune", ADMIN),
            // discovery.py
            project("stores_info_detail", ADMIN_OR_SERVICE_ROLE));

    /** Every registered rule, in Glance's registration order. */
    public static List<RuleDefault> all() {
        return ALL;
    }
}
