package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Set;

import static org.glancejee.it.Cli.image;
import static org.glancejee.it.Cli.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stock {@code openstack} command (OpenStackClient with openstacksdk, Debian's packages) against the
 * server without Keystone: image create (without data; uploads come later), show (by id and by name), list,
 * set, unset and delete, add project and member list, all with {@code -f json}; every change is checked over
 * HTTP too.
 */
@ExtendWith(GlanceServer.class)
class OpenStackCliIT {
    private static Cli openstack;

    @BeforeAll
    static void client() {
        openstack = Cli.openstack();
    }

    @AfterAll
    static void timing() {
        System.out.println(openstack.summary());
    }

    @Test
    void imageCreateMakesTheImageItDescribes() {
        String name = unique("create");
        Cli.Result created = openstack.run("image", "create", "--disk-format", "qcow2", "--container-format", "bare",
                "--min-ram", "512", "--property", "os_distro=debian", "--property", "cli_note=made by openstack",
                "--tag", "alpha", "--tag", "beta", "--private", "-f", "json", name).ok();
        JsonObject shown = created.json();
        String why = created.describe();
        String id = shown.getString("id");
        assertEquals(name, shown.getString("name"), why);
        assertEquals("qcow2", shown.getString("disk_format"), why);
        assertEquals("bare", shown.getString("container_format"), why);
        assertEquals(512, shown.getInt("min_ram"), why);
        assertEquals("queued", shown.getString("status"), why);
        assertEquals("private", shown.getString("visibility"), why);
        assertEquals(Set.of("alpha", "beta"), strings(shown, "tags"), why);
        assertEquals("debian", shown.getJsonObject("properties").getString("os_distro"), why);
        assertEquals("made by openstack", shown.getJsonObject("properties").getString("cli_note"), why);

        JsonObject stored = image(id);
        assertEquals(name, stored.getString("name"), stored::toString);
        assertEquals("qcow2", stored.getString("disk_format"), stored::toString);
        assertEquals("bare", stored.getString("container_format"), stored::toString);
        assertEquals(512, stored.getInt("min_ram"), stored::toString);
        assertEquals("private", stored.getString("visibility"), stored::toString);
        assertEquals("debian", stored.getString("os_distro"), stored::toString);
        assertEquals("made by openstack", stored.getString("cli_note"), stored::toString);
        assertEquals(Set.of("alpha", "beta"), strings(stored, "tags"), stored::toString);
    }

    @Test
    void imageShowAndImageListSeeTheImage() {
        String name = unique("show");
        String tag = unique("tag");
        String id = Api.createImage(Json.createObjectBuilder().add("name", name).add("disk_format", "raw")
                .add("container_format", "bare").add("os_distro", "fedora").add("cli_run", tag)
                .add("tags", Json.createArrayBuilder().add(tag)).build().toString()).getString("id");

        Cli.Result byId = openstack.run("image", "show", "-f", "json", id).ok();
        assertShows(byId, id, name, tag);
        // By name, the SDK tries the name as an id (404), then lists with ?name=.
        Cli.Result byName = openstack.run("image", "show", "-f", "json", name).ok();
        assertShows(byName, id, name, tag);

        // Plain list: no limit, so the SDK follows the "next" links page by page.
        Cli.Result all = openstack.run("image", "list", "-f", "json").ok();
        assertTrue(all.jsonArray().contains(Json.createObjectBuilder().add("ID", id).add("Name", name)
                .add("Status", "queued").build()), all.describe());

        Cli.Result byTag = openstack.run("image", "list", "--tag", tag, "--long", "-f", "json").ok();
        JsonArray rows = byTag.jsonArray();
        assertEquals(1, rows.size(), byTag.describe());
        JsonObject row = rows.getJsonObject(0);
        assertEquals(id, row.getString("ID"), byTag.describe());
        assertEquals(name, row.getString("Name"), byTag.describe());
        assertEquals("raw", row.getString("Disk Format"), byTag.describe());
        assertEquals("bare", row.getString("Container Format"), byTag.describe());
        assertEquals("queued", row.getString("Status"), byTag.describe());
        assertEquals(Set.of(tag), strings(row, "Tags"), byTag.describe());
    }

    private static void assertShows(Cli.Result show, String id, String name, String tag) {
        JsonObject shown = show.json();
        String why = show.describe();
        assertEquals(id, shown.getString("id"), why);
        assertEquals(name, shown.getString("name"), why);
        assertEquals("raw", shown.getString("disk_format"), why);
        assertEquals("bare", shown.getString("container_format"), why);
        assertEquals("queued", shown.getString("status"), why);
        assertEquals("shared", shown.getString("visibility"), why);
        assertEquals(Set.of(tag), strings(shown, "tags"), why);
        assertEquals("fedora", shown.getJsonObject("properties").getString("os_distro"), why);
        assertEquals(tag, shown.getJsonObject("properties").getString("cli_run"), why);
    }

    @Test
    void imageSetAndUnsetChangeNameFormatsPropertiesAndVisibility() {
        String name = unique("update");
        String id = Api.createImage(Json.createObjectBuilder().add("name", name).add("disk_format", "raw")
                .add("container_format", "bare").add("os_distro", "debian").add("cli_keep", "same")
                .add("cli_drop", "gone").add("min_disk", 1).build().toString()).getString("id");
        String renamed = name + "-renamed";

        openstack.run("image", "set", "--name", renamed, "--disk-format", "qcow2", "--min-disk", "4", "--public",
                "--property", "os_distro=ubuntu", "--property", "cli_added=yes", id).ok();
        openstack.run("image", "unset", "--property", "cli_drop", id).ok();

        JsonObject stored = image(id);
        assertEquals(renamed, stored.getString("name"), stored::toString);
        assertEquals("qcow2", stored.getString("disk_format"), stored::toString);
        assertEquals(4, stored.getInt("min_disk"), stored::toString);
        assertEquals("public", stored.getString("visibility"), stored::toString);
        assertEquals("ubuntu", stored.getString("os_distro"), stored::toString);
        assertEquals("yes", stored.getString("cli_added"), stored::toString);
        assertEquals("same", stored.getString("cli_keep"), stored::toString);
        assertFalse(stored.containsKey("cli_drop"), stored::toString);

        Cli.Result show = openstack.run("image", "show", "-f", "json", id).ok();
        JsonObject shown = show.json();
        String why = show.describe();
        assertEquals(renamed, shown.getString("name"), why);
        assertEquals("qcow2", shown.getString("disk_format"), why);
        assertEquals(4, shown.getInt("min_disk"), why);
        assertEquals("public", shown.getString("visibility"), why);
        JsonObject properties = shown.getJsonObject("properties");
        assertEquals("ubuntu", properties.getString("os_distro"), why);
        assertEquals("yes", properties.getString("cli_added"), why);
        assertEquals("same", properties.getString("cli_keep"), why);
        assertFalse(properties.containsKey("cli_drop"), why);
    }

    @Test
    void imageSetTagAndUnsetTagChangeTheTags() {
        String id = Api.createImage(Json.createObjectBuilder().add("name", unique("tags"))
                .add("tags", Json.createArrayBuilder().add("keep").add("drop")).build().toString()).getString("id");

        openstack.run("image", "set", "--tag", "added", id).ok();
        openstack.run("image", "unset", "--tag", "drop", id).ok();

        JsonObject stored = image(id);
        assertEquals(Set.of("keep", "added"), strings(stored, "tags"), stored::toString);
        Cli.Result show = openstack.run("image", "show", "-f", "json", id).ok();
        assertEquals(Set.of("keep", "added"), strings(show.json(), "tags"), show.describe());
    }

    @Test
    void imageDeleteRemovesTheImage() {
        String id = Api.createImage(Json.createObjectBuilder().add("name", unique("delete")).build().toString())
                .getString("id");

        Cli.Result deleted = openstack.run("image", "delete", id).ok();
        HttpResponse<String> gone = Api.get("/v2/images/" + id);
        assertEquals(404, gone.statusCode(), deleted.describe() + "\nthen GET: " + gone.body());

        Cli.Result show = openstack.run("image", "show", id).failed();
        assertTrue(show.stderr().contains("No Image found for " + id), show.describe());
    }

    /**
     * {@code image add project} and {@code image member list}. Without Keystone the other member commands
     * cannot work, against Glance as here: {@code image set --accept} takes the caller's project from the
     * token (there is none: the client fails before sending anything), and {@code image set --project} and
     * {@code image remove project} look the project up in Keystone. A project given as a UUID-like id, as
     * here, needs no look-up.
     */
    @Test
    void imageAddProjectAndImageMemberListShareAnImage() {
        String id = Api.createImage(Json.createObjectBuilder().add("name", unique("members")).build().toString())
                .getString("id");
        String project = "0123456789abcdef0123456789abcdef";

        Cli.Result added = openstack.run("image", "add", "project", "-f", "json", id, project).ok();
        JsonObject shown = added.json();
        assertEquals(project, shown.getString("member_id"), added.describe());
        assertEquals(id, shown.getString("image_id"), added.describe());
        assertEquals("pending", shown.getString("status"), added.describe());

        HttpResponse<String> accepted = Api.put("/v2/images/" + id + "/members/" + project,
                "{\"status\": \"accepted\"}");
        assertEquals(200, accepted.statusCode(), accepted.body());
        Cli.Result listed = openstack.run("image", "member", "list", "-f", "json", id).ok();
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("Image ID", id)
                .add("Member ID", project).add("Status", "accepted")).build(), listed.jsonArray(), listed.describe());
    }

    private static String unique(String what) {
        return Cli.unique("openstack-cli-" + what);
    }
}
