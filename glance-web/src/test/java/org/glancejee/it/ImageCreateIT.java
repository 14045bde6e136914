package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static org.glancejee.it.Api.json;
import static org.glancejee.it.Api.post;
import static org.glancejee.it.Catalogue.refusedWithoutTrace;
import static org.glancejee.it.Catalogue.uniqueName;
import static org.glancejee.it.Refusals.assertRefused;
import static org.glancejee.it.Refusals.assertRefusedWithDetail;
import static org.glancejee.it.Refusals.assertSchemaRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /v2/images}: what a new image looks like, and every way Glance refuses to make one. */
@ExtendWith(GlanceServer.class)
class ImageCreateIT {
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    private static final String DISK_FORMATS =
            "[None, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop']";
    private static final String CONTAINER_FORMATS =
            "[None, 'ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed']";

    // --- what a created image looks like -------------------------------------------------------

    @Test
    void createAnswers201WithAbsoluteLocationAndImportMethods() {
        HttpResponse<String> response = post("/v2/images", body("created").build().toString());

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        String id = json(response).getString("id");
        assertEquals(GlanceServer.baseUri() + "/v2/images/" + id,
                response.headers().firstValue("Location").orElseThrow());
        assertEquals("glance-direct,web-download,copy-image",
                response.headers().firstValue("OpenStack-image-import-methods").orElseThrow());
    }

    @Test
    void newImageShowsEveryCoreFieldWithGlanceDefaults() {
        String name = uniqueName("defaults");
        JsonObject image = Api.createImage("{\"name\": \"" + name + "\"}");

        assertEquals(Set.of("id", "name", "status", "visibility", "protected", "os_hidden", "checksum",
                "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "container_format", "disk_format",
                "created_at", "updated_at", "tags", "min_ram", "min_disk", "self", "file", "schema"), image.keySet(),
                "no locations, direct_url or stores unless the operator turns them on");
        assertEquals(name, image.getString("name"));
        assertTrue(image.getString("id").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals("queued", image.getString("status"));
        assertEquals("shared", image.getString("visibility"));
        assertFalse(image.getBoolean("protected"));
        assertFalse(image.getBoolean("os_hidden"));
        assertEquals(0, image.getInt("min_ram"));
        assertEquals(0, image.getInt("min_disk"));
        assertEquals(Json.createArrayBuilder().build(), image.getJsonArray("tags"));
        for (String unset : List.of("size", "virtual_size", "checksum", "os_hash_algo", "os_hash_value",
                "disk_format", "container_format", "owner")) {
            assertEquals(JsonValue.NULL, image.get(unset), unset + " (owner: noauth has no project)");
        }
    }

    @Test
    void timestampsAreWholeSecondsInUtc() {
        JsonObject image = Catalogue.createNamed("timestamps");

        assertTrue(image.getString("created_at").matches(TIMESTAMP), image.getString("created_at"));
        assertTrue(image.getString("updated_at").matches(TIMESTAMP), image.getString("updated_at"));
        assertEquals(image.getString("created_at"), image.getString("updated_at"));
    }

    @Test
    void linksAreRelativePaths() {
        JsonObject image = Catalogue.createNamed("links");
        String id = image.getString("id");

        assertEquals("/v2/images/" + id, image.getString("self"));
        assertEquals("/v2/images/" + id + "/file", image.getString("file"));
        assertEquals("/v2/schemas/image", image.getString("schema"));
    }

    @Test
    void suppliedFieldsAndCustomPropertiesAreKeptAtTopLevel() {
        JsonObject image = Catalogue.createNamed("supplied", Json.createObjectBuilder()
                .add("disk_format", "raw").add("container_format", "bare").add("visibility", "private")
                .add("min_ram", 128).add("min_disk", 2).add("os_hidden", true)
                .add("tags", Json.createArrayBuilder().add("t1").add("t2"))
                .add("os_distro", "debian").add("hw_disk_bus", "scsi").add("empty_value", ""));

        for (JsonObject view : List.of(image, Catalogue.show(image.getString("id")))) {
            assertEquals("raw", view.getString("disk_format"));
            assertEquals("bare", view.getString("container_format"));
            assertEquals("private", view.getString("visibility"));
            assertEquals(128, view.getInt("min_ram"));
            assertEquals(2, view.getInt("min_disk"));
            assertTrue(view.getBoolean("os_hidden"));
            assertEquals(Set.of("t1", "t2"), Set.copyOf(view.getJsonArray("tags").getValuesAs(
                    jakarta.json.JsonString::getString)));
            assertEquals("debian", view.getString("os_distro"));
            assertEquals("scsi", view.getString("hw_disk_bus"));
            assertEquals("", view.getString("empty_value"));
            assertFalse(view.containsKey("properties"), "custom properties are not nested");
        }
    }

    @Test
    void duplicateTagsInTheBodyCollapse() {
        JsonObject image = Catalogue.createNamed("duptags", Json.createObjectBuilder()
                .add("tags", Json.createArrayBuilder().add("same").add("same")));

        assertEquals(List.of("same"), image.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void userSuppliedIdIsUsed() {
        String id = Catalogue.newId();
        HttpResponse<String> response = post("/v2/images", body("ownid").add("id", id).build().toString());

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(id, json(response).getString("id"));
        assertEquals(GlanceServer.baseUri() + "/v2/images/" + id, response.headers().firstValue("Location").orElseThrow());
        assertEquals(id, Catalogue.show(id).getString("id"));
    }

    @Test
    void duplicateIdConflictsAndWritesNothing() {
        String id = Catalogue.newId();
        Api.createImage(body("first").add("id", id).build().toString());
        String second = uniqueName("second");

        HttpResponse<String> response = refusedWithoutTrace(second,
                () -> post("/v2/images", Json.createObjectBuilder().add("name", second).add("id", id).build().toString()));

        assertRefused(response, 409, "Image ID " + id + " already exists!");
        assertTrue(Catalogue.show(id).getString("name").startsWith("it-first-"), "the first image is untouched");
    }

    @Test
    void idOfADeletedImageCannotBeReused() {
        String id = Catalogue.newId();
        Api.createImage(body("deleted-id").add("id", id).build().toString());
        assertEquals(204, Api.delete("/v2/images/" + id).statusCode());

        HttpResponse<String> response = post("/v2/images", body("reuse").add("id", id).build().toString());

        assertRefused(response, 409, "Image ID " + id + " already exists!");
        assertEquals(404, Api.get("/v2/images/" + id).statusCode());
    }

    @Test
    void invalidIdIsRefused() {
        String name = uniqueName("badid");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                Json.createObjectBuilder().add("name", name).add("id", "not-a-uuid").build().toString()));

        assertSchemaRefusal(response, "'not-a-uuid' does not match "
                + "'^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'");
    }

    // --- attributes a caller may not set ---------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status       | \"active\"",
            "size         | 1024",
            "virtual_size | 1024",
            "checksum     | \"10edabcbece6f3e2631b8da8815929dc\"",
            "created_at   | \"2020-01-01T00:00:00Z\"",
            "updated_at   | \"2020-01-01T00:00:00Z\"",
            "self         | \"/v2/images/x\"",
            "file         | \"/v2/images/x/file\"",
            "schema       | \"/v2/schemas/image\"",
            "direct_url   | \"file:///tmp/x\"",
            "stores       | \"fast\"",
    })
    void readOnlyAttributeIsForbidden(String attribute, String jsonValue) {
        String name = uniqueName("ro-" + attribute);
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                "{\"name\": \"" + name + "\", \"" + attribute + "\": " + jsonValue + "}"));

        assertRefused(response, 403, "Attribute '" + attribute + "' is read-only.");
    }

    @Test
    void readOnlyAttributeIsForbiddenEvenWhenNull() {
        String name = uniqueName("ro-null");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                "{\"name\": \"" + name + "\", \"size\": null}"));

        assertRefused(response, 403, "Attribute 'size' is read-only.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"location", "deleted", "deleted_at", "os_glance_x", "os_glance_import_task"})
    void reservedPropertyIsForbidden(String key) {
        String name = uniqueName("reserved");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                Json.createObjectBuilder().add("name", name).add(key, "x").build().toString()));

        assertRefusedWithDetail(response, 403, "Attribute '" + key + "' is reserved.");
    }

    @Test
    void locationsAreReserved() {
        String name = uniqueName("locations");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                Json.createObjectBuilder().add("name", name).add("locations", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("url", "http://example.com/image.raw")
                                .add("metadata", Json.createObjectBuilder()))).build().toString()));

        assertRefused(response, 403, "Attribute 'locations' is reserved.");
    }

    @Test
    void emptyLocationsAreReservedToo() {
        String name = uniqueName("nolocations");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                "{\"name\": \"" + name + "\", \"locations\": []}"));

        assertRefused(response, 403, "Attribute 'locations' is reserved.");
    }

    // --- schema violations -------------------------------------------------------------------------

    @Test
    void unknownDiskFormatIsRefused() {
        String name = uniqueName("diskformat");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                body(name, "disk_format", "bogus")));

        assertSchemaRefusal(response, "'bogus' is not one of " + DISK_FORMATS);
    }

    @Test
    void unknownContainerFormatIsRefused() {
        String name = uniqueName("containerformat");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                body(name, "container_format", "bogus")));

        assertSchemaRefusal(response, "'bogus' is not one of " + CONTAINER_FORMATS);
    }

    @Test
    void unknownVisibilityIsRefused() {
        String name = uniqueName("visibility");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                body(name, "visibility", "everyone")));

        assertSchemaRefusal(response, "'everyone' is not one of ['community', 'public', 'private', 'shared']");
    }

    @Test
    void nameOf256CharactersIsRefusedAnd255IsFine() {
        String tooLong = "n".repeat(256);
        HttpResponse<String> response = refusedWithoutTrace(tooLong, () -> post("/v2/images",
                "{\"name\": \"" + tooLong + "\"}"));
        assertSchemaRefusal(response, "'" + tooLong + "' is too long");

        String longest = uniqueName("max").substring(0, 40) + "n".repeat(215);
        assertEquals(255, longest.length());
        assertEquals(longest, Api.createImage("{\"name\": \"" + longest + "\"}").getString("name"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "123          | 123",
            "true         | True",
            "null         | None",
            "1.5          | 1.5",
            "[\"a\"]      | ['a']",
    })
    void customPropertyMustBeAString(String jsonValue, String pythonRepr) {
        String name = uniqueName("nonstring");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                "{\"name\": \"" + name + "\", \"hw_disk_bus\": " + jsonValue + "}"));

        assertSchemaRefusal(response, pythonRepr + " is not of type 'string'");
    }

    @Test
    void customPropertyKeyOver255CharactersIsRefused() {
        String name = uniqueName("longkey");
        String key = "k".repeat(256);
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images", body(name, key, "v")));

        assertRefused(response, 400, "Custom property should not be greater than 255 characters.");
    }

    @Test
    void customPropertyKeyOf255CharactersIsFine() {
        String key = "k".repeat(255);
        JsonObject image = Catalogue.createNamed("maxkey", Json.createObjectBuilder().add(key, "v"));

        assertEquals("v", image.getString(key));
        assertEquals("v", Catalogue.show(image.getString("id")).getString(key));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"min_ram", "min_disk"})
    void negativeBootRequirementIsRefused(String attribute) {
        String name = uniqueName("negative");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                "{\"name\": \"" + name + "\", \"" + attribute + "\": -1}"));

        assertRefused(response, 400, "Invalid value '-1' for parameter '" + attribute + "': Cannot be a negative value");
    }

    @Test
    void nonIntegerMinRamIsRefused() {
        String name = uniqueName("ramtype");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                body(name, "min_ram", "512")));

        assertSchemaRefusal(response, "'512' is not of type 'integer'");
    }

    @Test
    void nonBooleanProtectedIsRefused() {
        String name = uniqueName("protectedtype");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                body(name, "protected", "true")));

        assertSchemaRefusal(response, "'true' is not of type 'boolean'");
    }

    // --- bodies that are not an image ------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"name\":", "{\"name\": \"x\"}}", "{name: 1}", "not json"})
    void malformedJsonIsRefused(String body) {
        HttpResponse<String> response = refusedWithoutTrace(null, () -> post("/v2/images", body));

        assertRefused(response, 400, "Malformed JSON in request body.");
    }

    @Test
    void emptyBodyIsRefused() {
        HttpResponse<String> response = refusedWithoutTrace(null, () -> post("/v2/images", ""));

        assertRefused(response, 400, "Body expected in request.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"an image\"", "42", "true", "null"})
    void scalarBodyIsRefused(String body) {
        HttpResponse<String> response = refusedWithoutTrace(null, () -> post("/v2/images", body));

        assertRefused(response, 400, "Unexpected body type. Expected list/dict.");
    }

    // --- quotas ------------------------------------------------------------------------------------

    @Test
    void tagQuotaOf128IsEnforced() {
        String name = uniqueName("tagquota");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                Json.createObjectBuilder().add("name", name).add("tags", Catalogue.strings("t", 129))
                        .build().toString()));
        assertRefused(response, 413,
                "The limit has been exceeded on the number of allowed image tags. Attempted: 129, Maximum: 128");

        JsonObject full = Catalogue.createNamed("tagquota-ok", Json.createObjectBuilder()
                .add("tags", Catalogue.strings("t", 128)));
        assertEquals(128, full.getJsonArray("tags").size());
    }

    @Test
    void propertyQuotaOf128IsEnforced() {
        String name = uniqueName("propquota");
        HttpResponse<String> response = refusedWithoutTrace(name, () -> post("/v2/images",
                properties(129).add("name", name).build().toString()));
        assertRefused(response, 413,
                "The limit has been exceeded on the number of allowed image properties. Attempted: 129, Maximum: 128");

        JsonObject full = Catalogue.createNamed("propquota-ok", properties(128));
        assertEquals("v127", Catalogue.show(full.getString("id")).getString("p127"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static JsonObjectBuilder body(String label) {
        return Json.createObjectBuilder().add("name", uniqueName(label));
    }

    private static String body(String name, String key, String value) {
        return Json.createObjectBuilder().add("name", name).add(key, value).build().toString();
    }

    static JsonObjectBuilder properties(int count) {
        JsonObjectBuilder props = Json.createObjectBuilder();
        for (int i = 0; i < count; i++) {
            props.add("p" + i, "v" + i);
        }
        return props;
    }
}
