package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.glancejee.it.Api.get;
import static org.glancejee.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Version discovery, routing of versioned URLs, request ids and the health check. */
@ExtendWith(GlanceServer.class)
class DiscoveryIT {

    @Test
    void rootListsVersionsWithMultipleChoices() {
        HttpResponse<String> response = get("/");
        assertEquals(300, response.statusCode());
        JsonObject first = json(response).getJsonArray("versions").getJsonObject(0);
        assertEquals("v2.17", first.getString("id"));
        assertEquals("CURRENT", first.getString("status"));
        assertEquals(GlanceServer.baseUri() + "/v2/",
                first.getJsonArray("links").getJsonObject(0).getString("href"));
    }

    @Test
    void versionsAnswersOkWithEveryOfferedVersion() {
        HttpResponse<String> response = get("/versions");
        assertEquals(200, response.statusCode());
        var ids = json(response).getJsonArray("versions").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(java.util.List.of("v2.17", "v2.15", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2",
                "v2.1", "v2.0"), ids);
    }

    @Test
    void bareVersionPrefixRedirectsToTrailingSlash() {
        HttpResponse<String> response = get("/v2");
        assertEquals(302, response.statusCode());
        assertEquals(GlanceServer.baseUri() + "/v2/", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void minorVersionInPathReachesTheSameApi() {
        assertEquals(200, get("/v2.1/images").statusCode());
        assertEquals(200, get("/v2.17/schemas/image").statusCode());
    }

    @Test
    void unknownVersionGetsTheVersionsDocument() {
        HttpResponse<String> response = get("/v3/images");
        assertEquals(300, response.statusCode());
        assertTrue(response.body().contains("\"v2.17\""));
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertTrue(get("/v2/images").headers().firstValue("x-openstack-request-id").orElseThrow()
                .matches("req-[0-9a-f-]{36}"));
        assertTrue(get("/v2/images/00000000-0000-0000-0000-000000000000").headers()
                .firstValue("x-openstack-request-id").isPresent());
    }

    @Test
    void incomingRequestIdIsAdopted() {
        HttpResponse<String> response = get("/v2/images", "X-Openstack-Request-ID", "req-my-own-id");
        assertEquals("req-my-own-id", response.headers().firstValue("x-openstack-request-id").orElseThrow());
    }

    @Test
    void overlongRequestIdIsRefused() {
        HttpResponse<String> response = get("/v2/images", "X-Openstack-Request-ID", "r".repeat(65));
        assertEquals(431, response.statusCode());
    }

    @Test
    void livenessNamesTheBackgroundJobsCheck() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        JsonObject jobs = json(live).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("jobs")).findFirst()
                .orElseThrow(() -> new AssertionError("no jobs check in " + live.body()));
        assertEquals("UP", jobs.getString("status"), "every job timer fires");
    }

    @Test
    void healthcheckSaysOkOrDisabledByFileAsOsloDoes() throws Exception {
        HttpResponse<String> response = get("/healthcheck");
        assertEquals(200, response.statusCode());
        assertEquals("OK", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertEquals("{\n    \"detailed\": false,\n    \"reasons\": [\n        \"OK\"\n    ]\n}",
                get("/healthcheck", "Accept", "application/json").body(), "oslo.middleware's JSON, byte for byte");
        assertTrue(get("/healthcheck", "Accept", "text/html").body().contains("<TD>OK</TD>"));

        java.nio.file.Path disable = GlanceServer.healthcheckDisableFile();
        java.nio.file.Files.writeString(disable, "");
        try {
            HttpResponse<String> disabled = get("/healthcheck");
            assertEquals(503, disabled.statusCode(), "an operator takes the server out of its load balancer");
            assertEquals("DISABLED BY FILE", disabled.body());
            assertTrue(get("/healthcheck", "Accept", "application/json").body().contains("\"DISABLED BY FILE\""));
            assertEquals(503, Api.method("HEAD", "/healthcheck").statusCode());
        } finally {
            java.nio.file.Files.delete(disable);
        }
        assertEquals(200, get("/healthcheck").statusCode(), "and back in when the file goes");
    }

    @Test
    void importInfoListsTheEnabledMethods() {
        HttpResponse<String> response = get("/v2/info/import");
        assertEquals(200, response.statusCode());
        assertEquals("array", json(response).getJsonObject("import-methods").getString("type"));
    }

    @Test
    void wrongMethodIsRefusedWithAllow() {
        HttpResponse<String> response = Api.put("/v2/images", "");
        assertEquals(405, response.statusCode());
        assertEquals("GET, POST", response.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void bodiesAreRefusedWhereGlanceExpectsNone() {
        String id = Api.createImage("{\"name\":\"body-reject\"}").getString("id");
        HttpResponse<String> response = Api.methodWithBody("DELETE", "/v2/images/" + id, "{}",
                "Accept", "application/json");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).getString("message").startsWith("A body is not expected with this request."));
        assertEquals(200, get("/v2/images/" + id).statusCode());
    }

    @Test
    void discoveryAnswersJsonWhateverTheClientAccepts() {
        for (String path : new String[] {"/versions", "/v2/schemas/image", "/v2/info/import"}) {
            HttpResponse<String> response = get(path, "Accept", "text/html");
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        }
    }
}
