package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.glancejee.it.Api.delete;
import static org.glancejee.it.Api.put;
import static org.glancejee.it.Refusals.assertRefused;
import static org.glancejee.it.Refusals.assertSchemaRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PUT} and {@code DELETE /v2/images/{id}/tags/{tag}}. */
@ExtendWith(GlanceServer.class)
class ImageTagsIT {

    @Test
    void putAddsATagWith204() {
        String id = image("put");

        HttpResponse<String> response = put(tagPath(id, "ubuntu"), "");

        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.body());
        assertEquals(List.of("ubuntu"), tags(id));
    }

    @Test
    void putIsIdempotent() {
        String id = image("idempotent");

        assertEquals(204, put(tagPath(id, "twice"), "").statusCode());
        assertEquals(204, put(tagPath(id, "twice"), "").statusCode());

        assertEquals(List.of("twice"), tags(id));
    }

    @Test
    void tagsAccumulate() {
        String id = image("accumulate", Json.createObjectBuilder().add("tags", Json.createArrayBuilder().add("a")));

        assertEquals(204, put(tagPath(id, "b"), "").statusCode());
        assertEquals(204, put(tagPath(id, "c d"), "").statusCode());

        assertEquals(Set.of("a", "b", "c d"), Set.copyOf(tags(id)));
    }

    @Test
    void taggedImageIsFoundByTagFilter() {
        String id = image("filter");
        String tag = Catalogue.uniqueName("tag");
        assertEquals(204, put(tagPath(id, tag), "").statusCode());

        JsonObject listed = Api.json(Api.get("/v2/images?tag=" + tag));

        assertEquals(1, listed.getJsonArray("images").size());
        assertEquals(id, listed.getJsonArray("images").getJsonObject(0).getString("id"));
    }

    @Test
    void deleteRemovesATagWith204() {
        String id = image("delete", Json.createObjectBuilder().add("tags", Json.createArrayBuilder().add("x").add("y")));

        HttpResponse<String> response = delete(tagPath(id, "x"));

        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.body());
        assertEquals(List.of("y"), tags(id));
    }

    @Test
    void deletingAnAbsentTagIsNotFound() {
        String id = image("absent", Json.createObjectBuilder().add("tags", Json.createArrayBuilder().add("kept")));

        assertRefused(delete(tagPath(id, "absent")), 404, "The resource could not be found.");
        assertEquals(List.of("kept"), tags(id));
    }

    @Test
    void deletingATagTwiceIsNotFoundTheSecondTime() {
        String id = image("delete-twice");
        assertEquals(204, put(tagPath(id, "once"), "").statusCode());
        assertEquals(204, delete(tagPath(id, "once")).statusCode());

        assertEquals(404, delete(tagPath(id, "once")).statusCode());
    }

    @Test
    void tagOf256CharactersIsRefusedAnd255IsFine() {
        String id = image("long");
        String tooLong = "t".repeat(256);

        assertSchemaRefusal(put(tagPath(id, tooLong), ""), "'" + tooLong + "' is too long");
        assertEquals(List.of(), tags(id));

        String longest = "t".repeat(255);
        assertEquals(204, put(tagPath(id, longest), "").statusCode());
        assertEquals(List.of(longest), tags(id));
    }

    @Test
    void putOnAnUnknownImageIsNotFound() {
        String id = Catalogue.newId();

        assertRefused(put(tagPath(id, "t"), ""), 404, "Image " + id + " not found.");
    }

    @Test
    void overlongTagIsRefusedBeforeTheImageIsLookedUp() {
        String tooLong = "t".repeat(256);

        assertSchemaRefusal(put(tagPath(Catalogue.newId(), tooLong), ""), "'" + tooLong + "' is too long");
    }

    @Test
    void putOnADeletedImageIsNotFound() {
        String id = image("deleted");
        assertEquals(204, delete("/v2/images/" + id).statusCode());

        assertRefused(put(tagPath(id, "t"), ""), 404, "Image " + id + " not found.");
    }

    @Test
    void tagQuotaOf128IsEnforced() {
        String id = image("quota", Json.createObjectBuilder().add("tags", Catalogue.strings("t", 128)));

        assertRefused(put(tagPath(id, "one-more"), ""), 413, "Image tag limit exceeded for image " + id
                + ": The limit has been exceeded on the number of allowed image tags. Attempted: 129, Maximum: 128:");
        assertEquals(128, tags(id).size());
        assertEquals(204, put(tagPath(id, "t0"), "").statusCode(), "re-adding a tag it has stays within the quota");
    }

    @Test
    void tagChangesMoveUpdatedAt() throws InterruptedException {
        JsonObject image = Catalogue.createNamed("touch");
        String id = image.getString("id");
        Thread.sleep(1100);

        assertEquals(204, put(tagPath(id, "later"), "").statusCode());

        String updated = Catalogue.show(id).getString("updated_at");
        assertTrue(updated.compareTo(image.getString("updated_at")) > 0, updated);
    }

    private static String image(String label) {
        return Catalogue.createNamed(label).getString("id");
    }

    private static String image(String label, jakarta.json.JsonObjectBuilder extra) {
        return Catalogue.createNamed(label, extra).getString("id");
    }

    private static String tagPath(String id, String tag) {
        return "/v2/images/" + id + "/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> tags(String id) {
        return Catalogue.show(id).getJsonArray("tags").getValuesAs(JsonString::getString);
    }
}
