package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.glancejee.it.Api.PATCH_V21;
import static org.glancejee.it.Api.delete;
import static org.glancejee.it.Api.get;
import static org.glancejee.it.Api.json;
import static org.glancejee.it.Catalogue.op;
import static org.glancejee.it.Catalogue.patch21;
import static org.glancejee.it.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET} and {@code DELETE /v2/images/{id}}. */
@ExtendWith(GlanceServer.class)
class ImageShowDeleteIT {

    @Test
    void showReturnsTheImageAsCreated() {
        JsonObject created = Catalogue.createNamed("show", Json.createObjectBuilder()
                .add("disk_format", "qcow2").add("os_distro", "fedora"));

        HttpResponse<String> response = get("/v2/images/" + created.getString("id"));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(created, json(response));
    }

    @Test
    void unknownIdIsNotFound() {
        String id = Catalogue.newId();

        assertRefused(get("/v2/images/" + id), 404, "No image found with ID " + id);
    }

    @Test
    void idThatIsNotAUuidIsNotFound() {
        assertRefused(get("/v2/images/not-a-uuid"), 404, "No image found with ID not-a-uuid");
    }

    @Test
    void overlongIdIsNotFound() {
        String id = "a".repeat(100);

        assertRefused(get("/v2/images/" + id), 404, "No image found with ID " + id);
    }

    @Test
    void deleteAnswers204AndTheImageIsGone() {
        JsonObject image = Catalogue.createNamed("delete");
        String id = image.getString("id");
        int before = Catalogue.count();

        HttpResponse<String> response = delete("/v2/images/" + id);

        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertRefused(get("/v2/images/" + id), 404, "No image found with ID " + id);
        assertEquals(before - 1, Catalogue.count());
        assertEquals(0, Catalogue.countNamed(image.getString("name")));
    }

    @Test
    void deletingTwiceIsNotFoundTheSecondTime() {
        String id = Catalogue.createNamed("delete-twice").getString("id");
        assertEquals(204, delete("/v2/images/" + id).statusCode());

        assertRefused(delete("/v2/images/" + id), 404, "Failed to find image " + id + " to delete");
    }

    @Test
    void deletingAnUnknownImageIsNotFound() {
        String id = Catalogue.newId();

        assertRefused(delete("/v2/images/" + id), 404, "Failed to find image " + id + " to delete");
    }

    @Test
    void deletedImageCannotBeChanged() {
        String id = Catalogue.createNamed("delete-patch").getString("id");
        assertEquals(204, delete("/v2/images/" + id).statusCode());

        assertRefused(Api.patch("/v2/images/" + id, PATCH_V21, patch21(op("replace", "/name", "x"))),
                404, "No image found with ID " + id);
    }

    @Test
    void protectedImageCannotBeDeletedUntilUnprotected() {
        JsonObject image = Catalogue.createNamed("protected", Json.createObjectBuilder().add("protected", true));
        String id = image.getString("id");
        assertTrue(image.getBoolean("protected"));

        assertRefused(delete("/v2/images/" + id), 403, "Image " + id + " is protected and cannot be deleted.");
        JsonObject still = Catalogue.show(id);
        assertEquals("queued", still.getString("status"));
        assertEquals(1, Catalogue.countNamed(image.getString("name")));

        HttpResponse<String> unprotect = Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"replace\", \"path\": \"/protected\", \"value\": false}]");
        assertEquals(200, unprotect.statusCode(), unprotect.body());
        assertFalse(json(unprotect).getBoolean("protected"));

        assertEquals(204, delete("/v2/images/" + id).statusCode());
        assertEquals(404, get("/v2/images/" + id).statusCode());
    }
}
