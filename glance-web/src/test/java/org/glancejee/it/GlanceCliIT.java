package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.glancejee.it.Cli.image;
import static org.glancejee.it.Cli.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stock {@code glance} command (python-glanceclient, Debian's package) against the server: image-create
 * (without data; uploads come later), image-show, image-list, image-update, image-tag-update,
 * image-tag-delete, image-delete and member-create/list/get/update/delete. glanceclient prints tables, so
 * each test also checks the image over HTTP. Every test works on its own uniquely named image.
 */
@ExtendWith(GlanceServer.class)
class GlanceCliIT {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static Cli glance;

    @BeforeAll
    static void client() {
        glance = Cli.glance();
    }

    @AfterAll
    static void timing() {
        System.out.println(glance.summary());
    }

    @Test
    void metadefNamespacesAndPropertiesAreManagedWithTheMdCommands() {
        String ns = "CLI::" + unique("md");
        Cli.Result created = glance.run("md-namespace-create", ns, "--display-name", "From the CLI",
                "--visibility", "public", "--owner", "cli-project").ok();
        assertEquals(ns, created.properties().get("namespace"), created.describe());
        Cli.Result property = glance.run("md-property-create", ns, "--name", "cli_flavor", "--title", "Flavor",
                "--schema", "{\"type\": \"string\", \"enum\": [\"small\", \"large\"]}").ok();
        assertEquals("Flavor", property.properties().get("title"), property.describe());

        // glanceclient sends back the whole namespace it read, its properties included.
        Cli.Result updated = glance.run("md-namespace-update", ns, "--description", "updated by the CLI").ok();
        assertEquals("updated by the CLI", updated.properties().get("description"), updated.describe());

        Cli.Result listed = glance.run("md-namespace-list").ok();
        assertTrue(listed.stdout().contains(ns), listed.describe());
        Cli.Result shown = glance.run("md-namespace-show", ns).ok();
        assertTrue(shown.stdout().contains("cli_flavor"), shown.describe());
        Cli.Result propertyShown = glance.run("md-property-show", ns, "cli_flavor").ok();
        assertEquals("string", propertyShown.properties().get("type"), propertyShown.describe());
        assertTrue(glance.run("md-property-list", ns).ok().stdout().contains("cli_flavor"));

        JsonObject stored = Api.json(Api.get("/v2/metadefs/namespaces/" + ns));
        assertEquals("From the CLI", stored.getString("display_name"), stored::toString);
        assertEquals("updated by the CLI", stored.getString("description"), stored::toString);
        assertEquals("public", stored.getString("visibility"), stored::toString);
        assertEquals(2, stored.getJsonObject("properties").getJsonObject("cli_flavor").getJsonArray("enum").size(),
                stored::toString);

        glance.run("md-property-delete", ns, "cli_flavor").ok();
        glance.run("md-namespace-delete", ns).ok();
        assertEquals(404, Api.get("/v2/metadefs/namespaces/" + ns).statusCode());
    }

    @Test
    void metadefObjectsTagsAndResourceTypesAreManagedWithTheMdCommands() throws Exception {
        String ns = "CLI::" + unique("mdobj");
        glance.run("md-namespace-create", ns, "--visibility", "public", "--owner", "cli-project").ok();
        Cli.Result object = glance.run("md-object-create", ns, "--name", "disk", "--schema", "{\"description\":"
                + " \"A disk\", \"required\": [\"bus\"], \"properties\": {\"bus\": {\"title\": \"Bus\","
                + " \"type\": \"string\", \"enum\": [\"virtio\", \"scsi\"]}}}").ok();
        assertTrue(object.stdout().contains("A disk"), object.describe());
        Cli.Result renamed = glance.run("md-object-update", ns, "disk", "--name", "volume", "--schema",
                "{\"properties\": {\"size\": {\"title\": \"Size\", \"type\": \"integer\"}}}").ok();
        assertTrue(renamed.stdout().contains("volume"), renamed.describe());
        Cli.Result property = glance.run("md-object-property-show", ns, "volume", "size").ok();
        assertEquals("integer", property.properties().get("type"), property.describe());
        assertTrue(glance.run("md-object-list", ns).ok().stdout().contains("volume"));
        assertTrue(glance.run("md-object-show", ns, "volume").ok().stdout().contains("size"));

        Cli.Result associated = glance.run("md-resource-type-associate", ns, "--name", "OS::Glance::Image",
                "--prefix", "hw_").ok();
        assertEquals("hw_", associated.properties().get("prefix"), associated.describe());
        assertTrue(glance.run("md-namespace-resource-type-list", ns).ok().stdout().contains("OS::Glance::Image"));
        assertTrue(glance.run("md-resource-type-list").ok().stdout().contains("OS::Glance::Image"));

        glance.run("md-tag-create-multiple", ns, "--names", "alpha,beta", "--delim", ",").ok();
        glance.run("md-tag-create", ns, "--name", "gamma").ok();
        glance.run("md-tag-update", ns, "gamma", "--name", "delta").ok();
        Cli.Result tags = glance.run("md-tag-list", ns).ok();
        assertTrue(tags.stdout().contains("alpha") && tags.stdout().contains("delta"), tags.describe());

        JsonObject stored = Api.json(Api.get("/v2/metadefs/namespaces/" + ns + "?resource_type=OS::Glance::Image"));
        assertTrue(stored.getJsonArray("objects").getJsonObject(0).getJsonObject("properties")
                .containsKey("hw_size"), stored::toString);
        assertEquals(3, stored.getJsonArray("tags").size(), stored::toString);

        glance.run("md-namespace-objects-delete", ns).ok();
        glance.run("md-namespace-tags-delete", ns).ok();
        glance.run("md-resource-type-deassociate", ns, "OS::Glance::Image").ok();
        JsonObject emptied = Api.json(Api.get("/v2/metadefs/namespaces/" + ns));
        assertFalse(emptied.containsKey("objects") || emptied.containsKey("tags")
                || emptied.containsKey("resource_type_associations"), emptied::toString);

        // md-namespace-import: a whole namespace from a file in Glance's definition format.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("namespace", ".json");
        String imported = "CLI::" + unique("import");
        java.nio.file.Files.writeString(file, "{\"namespace\": \"" + imported + "\", \"visibility\": \"public\","
                + " \"resource_type_associations\": [{\"name\": \"OS::Nova::Flavor\", \"prefix\": \"hw:\"}],"
                + " \"properties\": {\"watchdog_action\": {\"title\": \"Watchdog\", \"type\": \"string\"}},"
                + " \"objects\": [{\"name\": \"o\"}], \"tags\": [{\"name\": \"t\"}]}");
        glance.run("md-namespace-import", "--file", file.toString()).ok();
        JsonObject loaded = Api.json(Api.get("/v2/metadefs/namespaces/" + imported));
        assertEquals("hw:", loaded.getJsonArray("resource_type_associations").getJsonObject(0).getString("prefix"),
                loaded::toString);
        assertTrue(loaded.getJsonObject("properties").containsKey("watchdog_action"), loaded::toString);
        glance.run("md-namespace-delete", imported).ok();
        glance.run("md-namespace-delete", ns).ok();
    }

    @Test
    void imageCreateMakesTheImageItDescribes() {
        String name = unique("create");
        Cli.Result created = glance.run("image-create", "--name", name, "--disk-format", "qcow2",
                "--container-format", "bare", "--min-ram", "512", "--property", "os_distro=debian",
                "--property", "cli_note=made by glance", "--tags", "alpha", "beta").ok();
        Map<String, String> shown = created.properties();
        String why = created.describe();
        String id = shown.get("id");
        assertTrue(id != null && id.matches(UUID_PATTERN), why);
        assertEquals(name, shown.get("name"), why);
        assertEquals("qcow2", shown.get("disk_format"), why);
        assertEquals("bare", shown.get("container_format"), why);
        assertEquals("512", shown.get("min_ram"), why);
        assertEquals("0", shown.get("min_disk"), why);
        assertEquals("debian", shown.get("os_distro"), why);
        assertEquals("made by glance", shown.get("cli_note"), why);
        assertEquals("queued", shown.get("status"), why);
        assertEquals("shared", shown.get("visibility"), why);
        assertEquals(Set.of("alpha", "beta"), tags(shown.get("tags")), why);

        JsonObject stored = image(id);
        assertEquals(name, stored.getString("name"), stored::toString);
        assertEquals("qcow2", stored.getString("disk_format"), stored::toString);
        assertEquals("bare", stored.getString("container_format"), stored::toString);
        assertEquals(512, stored.getInt("min_ram"), stored::toString);
        assertEquals("debian", stored.getString("os_distro"), stored::toString);
        assertEquals("made by glance", stored.getString("cli_note"), stored::toString);
        assertEquals(Set.of("alpha", "beta"), strings(stored, "tags"), stored::toString);

        // glanceclient builds its options from the image schema it caches in ~/.glanceclient. Version 4.1
        // (Debian 12) fails every later command ("--stores: conflicting option string") once that schema
        // has a "stores" property, so the schema must not have one.
        Path cached = glance.home().resolve(".glanceclient/image_schema.json");
        assertTrue(Files.isRegularFile(cached), "glanceclient did not cache the schema in the test HOME: " + cached);
        JsonObject schema = Json.createReader(new StringReader(read(cached))).readObject();
        assertEquals("image", schema.getString("name"), schema::toString);
        assertFalse(schema.getJsonObject("properties").containsKey("stores"), schema::toString);
    }

    @Test
    void imageShowAndImageListSeeTheImage() {
        String name = unique("show");
        String tag = unique("tag");
        String id = Api.createImage(Json.createObjectBuilder().add("name", name).add("disk_format", "raw")
                .add("container_format", "bare").add("os_distro", "fedora").add("cli_run", tag)
                .add("tags", Json.createArrayBuilder().add(tag)).build().toString()).getString("id");

        Cli.Result show = glance.run("image-show", id).ok();
        Map<String, String> shown = show.properties();
        assertEquals(id, shown.get("id"), show.describe());
        assertEquals(name, shown.get("name"), show.describe());
        assertEquals("raw", shown.get("disk_format"), show.describe());
        assertEquals("bare", shown.get("container_format"), show.describe());
        assertEquals("fedora", shown.get("os_distro"), show.describe());
        assertEquals(tag, shown.get("cli_run"), show.describe());
        assertEquals("queued", shown.get("status"), show.describe());
        assertEquals(Set.of(tag), tags(shown.get("tags")), show.describe());

        // Plain list: glanceclient pages through everything (limit=200, then marker=...), sorted by name.
        Cli.Result all = glance.run("image-list").ok();
        assertTrue(all.table().contains(Map.of("ID", id, "Name", name)), all.describe());

        Cli.Result byTag = glance.run("image-list", "--tag", tag).ok();
        assertEquals(List.of(Map.of("ID", id, "Name", name)), byTag.table(), byTag.describe());

        Cli.Result byProperty = glance.run("--verbose", "image-list", "--property-filter", "cli_run=" + tag).ok();
        List<Map<String, String>> rows = byProperty.table();
        assertEquals(1, rows.size(), byProperty.describe());
        Map<String, String> row = rows.get(0);
        assertEquals(id, row.get("ID"), byProperty.describe());
        assertEquals(name, row.get("Name"), byProperty.describe());
        assertEquals("raw", row.get("Disk_format"), byProperty.describe());
        assertEquals("bare", row.get("Container_format"), byProperty.describe());
        assertEquals("queued", row.get("Status"), byProperty.describe());
    }

    @Test
    void imageUpdateChangesNameFormatsPropertiesAndVisibility() {
        String name = unique("update");
        String id = Api.createImage(Json.createObjectBuilder().add("name", name).add("disk_format", "raw")
                .add("container_format", "bare").add("os_distro", "debian").add("cli_keep", "same")
                .add("cli_drop", "gone").add("min_disk", 1).build().toString()).getString("id");
        String renamed = name + "-renamed";

        Cli.Result update = glance.run("image-update", id, "--name", renamed, "--disk-format", "qcow2",
                "--min-disk", "4", "--visibility", "private", "--property", "os_distro=ubuntu",
                "--property", "cli_added=yes", "--remove-property", "cli_drop").ok();
        assertUpdated(update, update.properties(), renamed);

        JsonObject stored = image(id);
        assertEquals(renamed, stored.getString("name"), stored::toString);
        assertEquals("qcow2", stored.getString("disk_format"), stored::toString);
        assertEquals(4, stored.getInt("min_disk"), stored::toString);
        assertEquals("private", stored.getString("visibility"), stored::toString);
        assertEquals("ubuntu", stored.getString("os_distro"), stored::toString);
        assertEquals("yes", stored.getString("cli_added"), stored::toString);
        assertEquals("same", stored.getString("cli_keep"), stored::toString);
        assertFalse(stored.containsKey("cli_drop"), stored::toString);

        Cli.Result show = glance.run("image-show", id).ok();
        assertUpdated(show, show.properties(), renamed);
    }

    private static void assertUpdated(Cli.Result result, Map<String, String> shown, String renamed) {
        String why = result.describe();
        assertEquals(renamed, shown.get("name"), why);
        assertEquals("qcow2", shown.get("disk_format"), why);
        assertEquals("bare", shown.get("container_format"), why);
        assertEquals("4", shown.get("min_disk"), why);
        assertEquals("private", shown.get("visibility"), why);
        assertEquals("ubuntu", shown.get("os_distro"), why);
        assertEquals("yes", shown.get("cli_added"), why);
        assertEquals("same", shown.get("cli_keep"), why);
        assertFalse(shown.containsKey("cli_drop"), why);
    }

    @Test
    void imageTagUpdateAndImageTagDeleteChangeTheTags() {
        String id = Api.createImage(Json.createObjectBuilder().add("name", unique("tags"))
                .add("tags", Json.createArrayBuilder().add("keep").add("drop")).build().toString()).getString("id");

        Cli.Result added = glance.run("image-tag-update", id, "added").ok();
        List<Map<String, String>> rows = added.table();
        assertEquals(1, rows.size(), added.describe());
        assertEquals(id, rows.get(0).get("ID"), added.describe());
        // glanceclient prints this list the Python way: ['keep', 'drop', 'added']
        for (String tag : List.of("keep", "drop", "added")) {
            assertTrue(rows.get(0).get("Tags").contains("'" + tag + "'"), added.describe());
        }

        glance.run("image-tag-delete", id, "drop").ok();

        JsonObject stored = image(id);
        assertEquals(Set.of("keep", "added"), strings(stored, "tags"), stored::toString);
        Cli.Result show = glance.run("image-show", id).ok();
        assertEquals(Set.of("keep", "added"), tags(show.properties().get("tags")), show.describe());
    }

    @Test
    void imageDeleteRemovesTheImage() {
        String id = Api.createImage(Json.createObjectBuilder().add("name", unique("delete")).build().toString())
                .getString("id");

        Cli.Result deleted = glance.run("image-delete", id).ok();
        HttpResponse<String> gone = Api.get("/v2/images/" + id);
        assertEquals(404, gone.statusCode(), deleted.describe() + "\nthen GET: " + gone.body());

        Cli.Result show = glance.run("image-show", id).failed();
        assertTrue(show.stderr().contains("404 Not Found"), show.describe());
        assertTrue(show.stderr().contains("No image found with ID " + id), show.describe());
    }

    @Test
    void memberCommandsShareAnImageAnswerAndStopSharing() {
        String id = Api.createImage(Json.createObjectBuilder().add("name", unique("members")).build().toString())
                .getString("id");
        String project = "fca20d6ec2744bad9372b2f02bc81938";

        Cli.Result created = glance.run("member-create", id, project).ok();
        assertEquals(List.of(Map.of("Image ID", id, "Member ID", project, "Status", "pending")), created.table(),
                created.describe());
        Cli.Result listed = glance.run("member-list", "--image-id", id).ok();
        assertEquals(created.table(), listed.table(), listed.describe());

        Cli.Result got = glance.run("member-get", id, project).ok();
        Map<String, String> shown = got.properties();
        assertEquals(project, shown.get("member_id"), got.describe());
        assertEquals(id, shown.get("image_id"), got.describe());
        assertEquals("pending", shown.get("status"), got.describe());
        assertEquals("/v2/schemas/member", shown.get("schema"), got.describe());

        Cli.Result updated = glance.run("member-update", id, project, "accepted").ok();
        assertEquals(List.of(Map.of("Image ID", id, "Member ID", project, "Status", "accepted")), updated.table(),
                updated.describe());
        assertEquals("accepted", Api.json(Api.get("/v2/images/" + id + "/members/" + project)).getString("status"));

        Cli.Result twice = glance.run("member-create", id, project).failed();
        assertTrue(twice.stderr().contains("409 Conflict"), twice.describe());
        assertTrue(twice.stderr().contains("Member " + project + " is duplicated for image " + id), twice.describe());

        glance.run("member-delete", id, project).ok();
        assertEquals(0, Api.json(Api.get("/v2/images/" + id + "/members")).getJsonArray("members").size());
        Cli.Result none = glance.run("member-list", "--image-id", id).ok();
        assertEquals(List.of(), none.table(), none.describe());
        Cli.Result gone = glance.run("member-get", id, project).failed();
        assertTrue(gone.stderr().contains("404 Not Found"), gone.describe());
        assertTrue(gone.stderr().contains(project + " not found in the member list of the image " + id + "."),
                gone.describe());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique(String what) {
        return Cli.unique("glance-cli-" + what);
    }

    /** glanceclient prints list values of Property/Value tables as JSON: ["a", "b"]. */
    private static Set<String> tags(String printed) {
        assertTrue(printed != null && printed.startsWith("["), "tags printed as " + printed);
        return Json.createReader(new StringReader(printed)).readArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }
}
