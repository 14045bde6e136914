package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Set;

import static org.glancejee.it.Api.PATCH_V20;
import static org.glancejee.it.Api.PATCH_V21;
import static org.glancejee.it.Api.json;
import static org.glancejee.it.Catalogue.op;
import static org.glancejee.it.Catalogue.patch21;
import static org.glancejee.it.Refusals.assertRefused;
import static org.glancejee.it.Refusals.assertRefusedWithDetail;
import static org.glancejee.it.Refusals.assertSchemaRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PATCH /v2/images/{id}} in both of Glance's JSON-Patch media types. */
@ExtendWith(GlanceServer.class)
class ImagePatchIT {
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    private static final String ACCEPT_PATCH =
            "application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch";

    // --- changes that work -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PATCH_V21, PATCH_V20})
    void replaceCoreAttributes(String mediaType) {
        String id = image("replace-core");
        String newName = Catalogue.uniqueName("renamed");
        String body = "[" + String.join(",",
                change(mediaType, "replace", "/name", "\"" + newName + "\""),
                change(mediaType, "replace", "/min_ram", "512"),
                change(mediaType, "replace", "/min_disk", "10"),
                change(mediaType, "replace", "/visibility", "\"community\""),
                change(mediaType, "replace", "/protected", "true"),
                change(mediaType, "replace", "/protected", "false"),
                change(mediaType, "replace", "/os_hidden", "true"),
                change(mediaType, "replace", "/disk_format", "\"qcow2\""),
                change(mediaType, "replace", "/container_format", "\"bare\"")) + "]";

        HttpResponse<String> response = Api.patch("/v2/images/" + id, mediaType, body);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        for (JsonObject view : new JsonObject[] {json(response), Catalogue.show(id)}) {
            assertEquals(newName, view.getString("name"));
            assertEquals(512, view.getInt("min_ram"));
            assertEquals(10, view.getInt("min_disk"));
            assertEquals("community", view.getString("visibility"));
            assertFalse(view.getBoolean("protected"));
            assertTrue(view.getBoolean("os_hidden"));
            assertEquals("qcow2", view.getString("disk_format"));
            assertEquals("bare", view.getString("container_format"));
            assertEquals("queued", view.getString("status"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PATCH_V21, PATCH_V20})
    void nameCanBeSetToNull(String mediaType) {
        String id = image("null-name");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, mediaType,
                "[" + change(mediaType, "replace", "/name", "null") + "]");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(JsonValue.NULL, Catalogue.show(id).get("name"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PATCH_V21, PATCH_V20})
    void customPropertiesAreAddedReplacedAndRemoved(String mediaType) {
        String id = image("custom");

        HttpResponse<String> added = Api.patch("/v2/images/" + id, mediaType, "["
                + change(mediaType, "add", "/hw_disk_bus", "\"scsi\"") + ","
                + change(mediaType, "add", "/os_distro", "\"debian\"") + "]");
        assertEquals(200, added.statusCode(), added.body());
        assertEquals("scsi", json(added).getString("hw_disk_bus"));
        assertEquals("debian", Catalogue.show(id).getString("os_distro"));

        HttpResponse<String> replaced = Api.patch("/v2/images/" + id, mediaType,
                "[" + change(mediaType, "replace", "/hw_disk_bus", "\"virtio\"") + "]");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("virtio", Catalogue.show(id).getString("hw_disk_bus"));

        HttpResponse<String> removed = Api.patch("/v2/images/" + id, mediaType,
                "[" + change(mediaType, "remove", "/hw_disk_bus", null) + "]");
        assertEquals(200, removed.statusCode(), removed.body());
        assertFalse(json(removed).containsKey("hw_disk_bus"));
        JsonObject shown = Catalogue.show(id);
        assertFalse(shown.containsKey("hw_disk_bus"));
        assertEquals("debian", shown.getString("os_distro"));
    }

    @Test
    void pointerEscapesAreDecoded() {
        String id = image("escapes");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21,
                patch21(op("add", "/a~1b~0c", "v")));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("v", Catalogue.show(id).getString("a/b~c"));
    }

    @Test
    void addOnV21IsAnUpsert() {
        String id = image("upsert", Json.createObjectBuilder().add("hw_disk_bus", "ide"));

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21, patch21(
                op("add", "/hw_disk_bus", "scsi"),
                op("add", "/name", "upserted-" + id)));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject shown = Catalogue.show(id);
        assertEquals("scsi", shown.getString("hw_disk_bus"));
        assertEquals("upserted-" + id, shown.getString("name"));
    }

    @Test
    void addOnV20OfAnExistingCustomPropertyConflicts() {
        String id = image("v20-add-custom", Json.createObjectBuilder().add("hw_disk_bus", "ide"));

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V20,
                "[{\"add\": \"/hw_disk_bus\", \"value\": \"scsi\"}]");

        assertRefusedWithDetail(response, 409, "Property hw_disk_bus already present.");
        assertEquals("ide", Catalogue.show(id).getString("hw_disk_bus"));
    }

    @Test
    void addOnV20OfACoreAttributeConflicts() {
        String id = image("v20-add-core");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V20,
                "[{\"add\": \"/min_ram\", \"value\": 1}]");

        assertRefusedWithDetail(response, 409, "Property min_ram already present.");
        assertEquals(0, Catalogue.show(id).getInt("min_ram"));
    }

    @Test
    void addOnV20OfANewPropertyWorks() {
        String id = image("v20-add-new");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V20,
                "[{\"add\": \"/os_version\", \"value\": \"12\"}]");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("12", Catalogue.show(id).getString("os_version"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PATCH_V21, PATCH_V20})
    void replacingAMissingCustomPropertyConflicts(String mediaType) {
        String id = image("replace-missing");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, mediaType,
                "[" + change(mediaType, "replace", "/x", "\"1\"") + "]");

        assertRefusedWithDetail(response, 409, "Property x does not exist.");
        assertFalse(Catalogue.show(id).containsKey("x"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PATCH_V21, PATCH_V20})
    void removingAMissingCustomPropertyConflicts(String mediaType) {
        String id = image("remove-missing");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, mediaType,
                "[" + change(mediaType, "remove", "/x", null) + "]");

        assertRefusedWithDetail(response, 409, "Property x does not exist.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"name", "visibility", "protected", "os_hidden", "min_ram", "min_disk", "owner",
            "disk_format", "container_format", "tags"})
    void coreAttributesCannotBeRemoved(String attribute) {
        String id = image("remove-core");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21,
                patch21(op("remove", "/" + attribute)));

        assertRefusedWithDetail(response, 403, "Property " + attribute + " may not be removed.");
    }

    @Test
    void coreAttributesCannotBeRemovedWithV20Either() {
        String id = image("remove-core-v20");

        assertRefusedWithDetail(Api.patch("/v2/images/" + id, PATCH_V20, "[{\"remove\": \"/name\"}]"),
                403, "Property name may not be removed.");
    }

    // --- attributes nobody may write ---------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "replace, status", "add, status", "remove, status",
            "replace, size", "replace, virtual_size", "replace, checksum", "replace, os_hash_algo",
            "replace, os_hash_value", "replace, created_at", "replace, updated_at", "replace, self",
            "replace, file", "replace, schema", "replace, direct_url", "remove, created_at",
            "replace, id", "add, id", "remove, id",
    })
    void readOnlyAttributesAreForbidden(String operation, String attribute) {
        String id = image("readonly");
        JsonObject before = Catalogue.show(id);

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21,
                patch21(operation.equals("remove") ? op(operation, "/" + attribute) : op(operation, "/" + attribute, "x")));

        assertRefused(response, 403, "Attribute '" + attribute + "' is read-only.");
        assertEquals(before, Catalogue.show(id));
    }

    @Test
    void readOnlyAttributesAreForbiddenWithV20Too() {
        String id = image("readonly-v20");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V20, "[{\"replace\": \"/status\", \"value\": \"active\"}]"),
                403, "Attribute 'status' is read-only.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"location", "deleted", "deleted_at", "os_glance_x", "os_glance_import_task"})
    void reservedNamesAreForbidden(String key) {
        String id = image("reserved");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("add", "/" + key, "x")));

        assertRefused(response, 403, "Attribute '" + key + "' is reserved.");
        assertFalse(Catalogue.show(id).containsKey(key));
    }

    @Test
    void forbiddenChangeIsRefusedEvenForAnUnknownImage() {
        // Glance checks the request before it looks the image up.
        String id = Catalogue.newId();

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/status", "active"))),
                403, "Attribute 'status' is read-only.");
        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/visibility", "x"))),
                "'x' is not one of ['community', 'public', 'private', 'shared']");
    }

    @Test
    void validChangeOnAnUnknownImageIsNotFound() {
        String id = Catalogue.newId();

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/name", "x"))),
                404, "No image found with ID " + id);
    }

    // --- requests that are not a valid patch -------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "text/plain", "application/json-patch+json"})
    void otherMediaTypesAreUnsupported(String contentType) {
        String id = image("mediatype");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, contentType,
                patch21(op("replace", "/name", "x")));

        assertEquals(415, response.statusCode(), response.body());
        assertEquals(ACCEPT_PATCH, response.headers().firstValue("Accept-Patch").orElseThrow());
        assertTrue(response.body().startsWith("415 Unsupported Media Type\n\nThe request media type " + contentType
                + " is not supported by this server."), response.body());
        assertFalse(Catalogue.show(id).getString("name").equals("x"));
    }

    @Test
    void mediaTypeParametersAreIgnored() {
        String id = image("charset");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21 + "; charset=UTF-8",
                patch21(op("replace", "/name", "charset-" + id)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("charset-" + id, Catalogue.show(id).getString("name"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name         | Pointer `name` does not start with \"/\".",
            "/name/       | Pointer `/name/` end with \"/\".",
            "/na//me      | Pointer `/na//me` contains adjacent \"/\".",
            "/na~me       | Pointer `/na~me` contains \"~\" not part of a recognized escape sequence.",
            "/name~       | Pointer `/name~` contains \"~\" not part of a recognized escape sequence.",
    })
    void malformedPointerIsRefused(String pointer, String message) {
        String id = image("pointer");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", pointer, "x"))), 400, message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/foo/bar", "/name/first", "/tags/-", "/tags/0"})
    void nestedPathIsRefused(String pointer) {
        String id = image("nested");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("add", pointer, "x"))),
                400, "Invalid JSON pointer for this resource: '" + pointer + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"add", "replace"})
    void missingValueIsRefused(String operation) {
        String id = image("novalue");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op(operation, "/name"))),
                400, "Operation \"" + operation + "\" requires a member named \"value\".");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test", "move", "copy", "delete", "ADD"})
    void unsupportedOperationIsRefused(String operation) {
        String id = image("badop");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op(operation, "/name", "x"))),
                400, "Invalid operation: `" + operation + "`. It must be one of the following: add, remove, replace.");
    }

    @Test
    void missingOperationIsRefused() {
        String id = image("noop");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, "[{\"path\": \"/name\", \"value\": \"x\"}]"),
                400, "Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.");
    }

    @Test
    void missingPathIsRefused() {
        String id = image("nopath");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, "[{\"op\": \"replace\", \"value\": \"x\"}]"),
                400, "Unable to find 'path' in JSON Schema change");
    }

    @Test
    void v20OperationWithTwoNamesIsRefused() {
        String id = image("v20-two");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V20,
                        "[{\"add\": \"/a\", \"replace\": \"/b\", \"value\": \"x\"}]"),
                400, "Operation objects must contain only one member named \"add\", \"remove\", or \"replace\".");
        assertRefused(Api.patch("/v2/images/" + id, PATCH_V20, "[{\"op\": \"add\", \"path\": \"/a\", \"value\": \"x\"}]"),
                400, "Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".");
    }

    @Test
    void bodyThatIsNotAListIsRefused() {
        String id = image("notalist");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, "{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}"),
                400, "Request body must be a JSON array of operation objects.");
        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, "\"replace\""),
                400, "Unexpected body type. Expected list/dict.");
        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, "[\"replace\"]"),
                400, "Operations must be JSON objects.");
        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, "[{\"op\": "),
                400, "Malformed JSON in request body.");
    }

    @Test
    void emptyListChangesNothingNotEvenUpdatedAt() throws InterruptedException {
        JsonObject image = Catalogue.createNamed("empty-patch");
        Thread.sleep(1100);

        HttpResponse<String> response = Api.patch("/v2/images/" + image.getString("id"), PATCH_V21, "[]");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(image, json(response));
        assertEquals(image, Catalogue.show(image.getString("id")));
    }

    // --- values the schema refuses -----------------------------------------------------------------

    @Test
    void invalidEnumValuesAreRefused() {
        String id = image("enums");

        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/visibility", "everyone"))),
                "'everyone' is not one of ['community', 'public', 'private', 'shared']");
        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/disk_format", "bogus"))),
                "'bogus' is not one of [None, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi',"
                        + " 'iso', 'ploop']");
        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/container_format", "box"))),
                "'box' is not one of [None, 'ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed']");
        JsonObject shown = Catalogue.show(id);
        assertEquals("shared", shown.getString("visibility"));
        assertEquals(JsonValue.NULL, shown.get("disk_format"));
    }

    @Test
    void wronglyTypedValuesAreRefused() {
        String id = image("types");

        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"add\", \"path\": \"/hw_disk_bus\", \"value\": 5}]"), "5 is not of type 'string'");
        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/protected\", \"value\": \"yes\"}]"), "'yes' is not of type 'boolean'");
        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/min_ram\", \"value\": null}]"), "None is not of type 'integer'");
        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/tags\", \"value\": \"abc\"}]"), "'abc' is not of type 'array'");
        assertSchemaRefusal(Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"" + "n".repeat(256) + "\"}]"),
                "'" + "n".repeat(256) + "' is too long");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"min_ram", "min_disk"})
    void negativeBootRequirementIsRefused(String attribute) {
        String id = image("negative");

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21,
                        "[{\"op\": \"replace\", \"path\": \"/" + attribute + "\", \"value\": -1}]"),
                400, "Invalid value '-1' for parameter '" + attribute + "': Cannot be a negative value");
        assertEquals(0, Catalogue.show(id).getInt(attribute));
    }

    // --- tags through PATCH -----------------------------------------------------------------------

    @Test
    void tagsAreReplacedWholesale() {
        String id = image("tags", Json.createObjectBuilder().add("tags", Json.createArrayBuilder().add("a").add("b")));

        HttpResponse<String> replaced = Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/tags\", \"value\": [\"c\", \"d\", \"c\"]}]");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(Set.of("c", "d"), tags(json(replaced)));
        assertEquals(2, json(replaced).getJsonArray("tags").size());
        assertEquals(Set.of("c", "d"), tags(Catalogue.show(id)));

        HttpResponse<String> added = Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"add\", \"path\": \"/tags\", \"value\": [\"x\"]}]");
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(Set.of("x"), tags(Catalogue.show(id)));

        HttpResponse<String> emptied = Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/tags\", \"value\": []}]");
        assertEquals(200, emptied.statusCode(), emptied.body());
        assertEquals(Set.of(), tags(Catalogue.show(id)));
    }

    @Test
    void tagQuotaAppliesToPatch() {
        String id = image("tag-quota");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21, "[{\"op\": \"replace\", \"path\":"
                + " \"/tags\", \"value\": " + Catalogue.strings("t", 129).build() + "}]");

        assertRefused(response, 413,
                "The limit has been exceeded on the number of allowed image tags. Attempted: 129, Maximum: 128");
        assertEquals(Set.of(), tags(Catalogue.show(id)));
    }

    @Test
    void propertyQuotaAppliesWhenAPropertyIsAdded() {
        String id = image("prop-quota", ImageCreateIT.properties(128));

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("add", "/one_too_many", "x"))), 413,
                "The limit has been exceeded on the number of allowed image properties. Attempted: 129, Maximum: 128");
        assertFalse(Catalogue.show(id).containsKey("one_too_many"));

        HttpResponse<String> replace = Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/p0", "new")));
        assertEquals(200, replace.statusCode(), replace.body());
        assertEquals("new", Catalogue.show(id).getString("p0"));
    }

    // --- timestamps and atomicity ----------------------------------------------------------------

    @Test
    void updatedAtMovesAndKeepsGlanceFormat() throws InterruptedException {
        JsonObject image = Catalogue.createNamed("updated-at");
        Thread.sleep(1100);

        HttpResponse<String> response = Api.patch("/v2/images/" + image.getString("id"), PATCH_V21,
                patch21(op("add", "/description", "later")));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject patched = json(response);
        assertTrue(patched.getString("updated_at").matches(TIMESTAMP), patched.getString("updated_at"));
        assertEquals(image.getString("created_at"), patched.getString("created_at"));
        assertTrue(patched.getString("updated_at").compareTo(image.getString("created_at")) > 0,
                patched.getString("updated_at") + " should be after " + image.getString("created_at"));
        assertEquals(patched.getString("updated_at"), Catalogue.show(image.getString("id")).getString("updated_at"));
    }

    @Test
    void failedSecondOperationLeavesTheFirstUnapplied() {
        JsonObject image = Catalogue.createNamed("atomic-conflict");
        String id = image.getString("id");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21, patch21(
                op("replace", "/name", "changed-" + id),
                op("add", "/hw_disk_bus", "scsi"),
                op("replace", "/not_there", "x")));

        assertRefusedWithDetail(response, 409, "Property not_there does not exist.");
        assertEquals(image, Catalogue.show(id));
    }

    @Test
    void forbiddenSecondOperationLeavesTheFirstUnapplied() {
        JsonObject image = Catalogue.createNamed("atomic-forbidden");
        String id = image.getString("id");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21, patch21(
                op("add", "/hw_disk_bus", "scsi"),
                op("remove", "/name")));

        assertRefusedWithDetail(response, 403, "Property name may not be removed.");
        assertEquals(image, Catalogue.show(id));
    }

    @Test
    void invalidSecondValueLeavesTheFirstUnapplied() {
        JsonObject image = Catalogue.createNamed("atomic-invalid");
        String id = image.getString("id");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/min_ram\", \"value\": 1024},"
                        + " {\"op\": \"replace\", \"path\": \"/min_disk\", \"value\": -5}]");

        assertRefused(response, 400, "Invalid value '-5' for parameter 'min_disk': Cannot be a negative value");
        assertEquals(image, Catalogue.show(id));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static String image(String label) {
        return Catalogue.createNamed(label).getString("id");
    }

    private static String image(String label, jakarta.json.JsonObjectBuilder extra) {
        return Catalogue.createNamed(label, extra).getString("id");
    }

    private static Set<String> tags(JsonObject image) {
        return Set.copyOf(image.getJsonArray("tags").getValuesAs(JsonString::getString));
    }

    /** One change in the given media type's form; {@code jsonValue} is raw JSON, or null for none. */
    private static String change(String mediaType, String operation, String path, String jsonValue) {
        String value = jsonValue == null ? "" : ", \"value\": " + jsonValue;
        if (mediaType.equals(PATCH_V20)) {
            return "{\"" + operation + "\": \"" + path + "\"" + value + "}";
        }
        return "{\"op\": \"" + operation + "\", \"path\": \"" + path + "\"" + value + "}";
    }
}
