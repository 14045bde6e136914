package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.glancejee.it.Api.PATCH_V21;
import static org.glancejee.it.Api.get;
import static org.glancejee.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of an error as WebOb negotiates it from Accept: JSON {@code {message, code, title}} for
 * {@code application/json}, an HTML page for {@code text/html} and {@code *}/{@code *} (curl, browsers),
 * plain text when there is no Accept header (java.net.http sends none).
 */
@ExtendWith(GlanceServer.class)
class ErrorBodyIT {

    @Test
    void jsonWhenJsonIsAccepted() {
        String id = Catalogue.newId();

        HttpResponse<String> response = get("/v2/images/" + id, "Accept", "application/json");

        assertEquals(404, response.statusCode());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        assertEquals(Json.createObjectBuilder()
                .add("message", "No image found with ID " + id + "<br /><br />\n\n\n")
                .add("code", "404 Not Found")
                .add("title", "Not Found").build(), json(response));
    }

    @Test
    void jsonCarriesTheDetailUnderTheStandardText() {
        String id = Catalogue.createNamed("json-detail").getString("id");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"remove\", \"path\": \"/nope\"}]", "Accept", "application/json");

        assertEquals(409, response.statusCode());
        JsonObject body = json(response);
        assertEquals("There was a conflict when trying to complete your request.<br /><br />\n"
                + "Property nope does not exist.\n\n", body.getString("message"));
        assertEquals("409 Conflict", body.getString("code"));
        assertEquals("Conflict", body.getString("title"));
    }

    @Test
    void jsonForABadRequest() {
        HttpResponse<String> response = Api.post("/v2/images", "{\"name\":", "Accept", "application/json");

        assertEquals(400, response.statusCode());
        JsonObject body = json(response);
        assertEquals("Malformed JSON in request body.<br /><br />\n\n\n", body.getString("message"));
        assertEquals("400 Bad Request", body.getString("code"));
        assertEquals("Bad Request", body.getString("title"));
    }

    @Test
    void htmlForAnyMediaType() {
        String id = Catalogue.newId();

        HttpResponse<String> response = get("/v2/images/" + id, "Accept", "*/*");

        assertEquals(404, response.statusCode());
        assertTrue(contentType(response).startsWith("text/html"), contentType(response));
        assertEquals("<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n"
                + "  No image found with ID " + id + "<br /><br />\n\n\n\n </body>\n</html>", response.body());
    }

    @Test
    void htmlForBrowsers() {
        String id = Catalogue.newId();

        HttpResponse<String> response = get("/v2/images/" + id,
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertEquals(404, response.statusCode());
        assertTrue(contentType(response).startsWith("text/html"), contentType(response));
        assertTrue(response.body().contains("<title>404 Not Found</title>"), response.body());
    }

    @Test
    void htmlWhenOnlyHtmlIsAccepted() {
        String id = Catalogue.newId();

        HttpResponse<String> response = get("/v2/images/" + id, "Accept", "text/html");

        assertEquals(404, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("text/html"), contentType(response));
        assertTrue(response.body().contains("<title>404 Not Found</title>"), response.body());
        assertTrue(response.body().contains("No image found with ID " + id), response.body());
    }

    @Test
    void successIsJsonWhateverTheClientAccepts() {
        JsonObject image = Catalogue.createNamed("accept-html");

        HttpResponse<String> response = get("/v2/images/" + image.getString("id"), "Accept", "text/html");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        assertEquals(image, json(response));
    }

    @Test
    void htmlEscapesTheMessage() {
        HttpResponse<String> response = Api.post("/v2/images", "{\"status\": \"active\"}", "Accept", "*/*");

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<title>403 Forbidden</title>"), response.body());
        assertTrue(response.body().contains("  Attribute &#x27;status&#x27; is read-only.<br /><br />"),
                response.body());
    }

    @Test
    void htmlShowsTheDetailUnderTheStandardText() {
        String id = Catalogue.createNamed("html-detail").getString("id");

        HttpResponse<String> response = Api.patch("/v2/images/" + id, PATCH_V21,
                "[{\"op\": \"remove\", \"path\": \"/does_not_exist\"}]", "Accept", "*/*");

        assertEquals(409, response.statusCode());
        assertEquals("<html>\n <head>\n  <title>409 Conflict</title>\n </head>\n <body>\n  <h1>409 Conflict</h1>\n"
                + "  There was a conflict when trying to complete your request.<br /><br />\n"
                + "Property does_not_exist does not exist.\n\n\n </body>\n</html>", response.body());
    }

    @Test
    void plainTextWithoutAnAcceptHeader() {
        String id = Catalogue.newId();

        HttpResponse<String> response = get("/v2/images/" + id);

        assertEquals(404, response.statusCode());
        assertTrue(contentType(response).startsWith("text/plain"), contentType(response));
        assertTrue(response.body().startsWith("404 Not Found\n\nNo image found with ID " + id), response.body());
        assertEquals("404 Not Found\n\nNo image found with ID " + id + "\n\n   ", response.body());
    }

    @Test
    void plainTextForOtherMediaTypes() {
        String id = Catalogue.newId();

        HttpResponse<String> response = get("/v2/images/" + id, "Accept", "text/plain");

        assertEquals(404, response.statusCode());
        assertTrue(contentType(response).startsWith("text/plain"), contentType(response));
        assertEquals("404 Not Found\n\nNo image found with ID " + id + "\n\n   ", response.body());
    }

    @Test
    void plainTextStandardTextWhenGlanceGivesNoMessage() {
        String id = Catalogue.createNamed("plain-standard").getString("id");

        HttpResponse<String> response = Api.delete("/v2/images/" + id + "/tags/absent");

        assertEquals(404, response.statusCode());
        assertEquals("404 Not Found\n\nThe resource could not be found.\n\n   ", response.body());
    }

    @Test
    void errorsCarryARequestId() {
        HttpResponse<String> response = get("/v2/images/" + Catalogue.newId(), "Accept", "application/json");

        assertTrue(response.headers().firstValue("x-openstack-request-id").orElseThrow().startsWith("req-"));
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
