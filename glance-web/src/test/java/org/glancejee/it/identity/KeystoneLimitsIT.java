package org.glancejee.it.identity;

import jakarta.json.JsonObject;
import org.glancejee.it.GlanceProcess;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.Refusals.assertRefused;
import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.glancejee.it.identity.Fixtures.BETA_MEMBER;
import static org.glancejee.it.identity.Fixtures.SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Unified limits from the real Keystone ({@code use_keystone_limits} with {@code glance.oslo_limit.*}), as
 * Glance takes them through oslo.limit: the image service's registered limits in the fixtures' region are
 * every project's defaults, and alpha has its own image_count_total over them. The limits are set through
 * Keystone's API as admin before each test (created, or put back if a test or an earlier run left other
 * values); nothing else in the run reads or sets limits. The server is one of this class's own, with its own
 * database, and its {@code endpoint_id} is the image endpoint the shared server is registered as; it logs in
 * to Keystone as the fixtures' glance user, scoped to the system, where it is a reader. Before each test alpha
 * and beta have no images on it, so what the tests count does not depend on their order or on other tests.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class KeystoneLimitsIT {
    private static final int MIB = 1 << 20;
    /** Registered limits: distinct values, so a report that mixed them up would show. */
    private static final Map<String, Long> REGISTERED = Map.of("image_size_total", 1L, "image_stage_total", 5L,
            "image_count_total", 2L, "image_count_uploading", 4L);
    /** alpha's own image_count_total. */
    private static final long ALPHA_IMAGE_COUNT = 3;

    private static GlanceProcess server;
    private static ImageBytes api;
    private static String serviceId;
    private static String alpha;
    private static String beta;
    private static String alphaToken;
    private static String betaToken;

    @BeforeAll
    static void limitsInKeystoneAndAServerThatReadsThem() throws Exception {
        Keystone keystone = KeystoneServer.keystone();
        Fixtures fixtures = KeystoneServer.fixtures();
        serviceId = keystone.imageServiceId();
        alpha = fixtures.user(ALPHA_MEMBER).projectId();
        beta = fixtures.user(BETA_MEMBER).projectId();
        alphaToken = keystone.token(ALPHA_MEMBER).id();
        betaToken = keystone.token(BETA_MEMBER).id();
        setLimits();
        Fixtures.User glance = fixtures.user(SERVICE);
        server = GlanceServer.startSeparate("keystone_limits", Map.of(
                "GLANCE_USE_KEYSTONE_LIMITS", "true",
                "GLANCE_OSLO_LIMIT_ENDPOINT_ID", keystone.imageEndpointId(),
                "GLANCE_OSLO_LIMIT_AUTH_URL", fixtures.authUrl().toString(),
                "GLANCE_OSLO_LIMIT_USERNAME", glance.name(),
                "GLANCE_OSLO_LIMIT_PASSWORD", glance.password(),
                "GLANCE_OSLO_LIMIT_USER_DOMAIN_NAME", fixtures.userDomainName(),
                "GLANCE_OSLO_LIMIT_SYSTEM_SCOPE", "all",
                // Not read when the limits come from Keystone.
                "GLANCE_LIMITS_IMAGE_COUNT_TOTAL", "100"), List.of("-XX:TieredStopAtLevel=1"));
        api = new ImageBytes(server.baseUri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void theLimitsAndNoImages() {
        setLimits();
        deleteImages(alphaToken, alpha);
        deleteImages(betaToken, beta);
    }

    /** alpha goes up to its own limit of 3, beta only to the registered 2: the 413 names each one's limit. */
    @Test
    void imageCountTotalIsAlphasOwnLimitAndBetasDefault() {
        createUpToTheLimit(alphaToken, alpha, ALPHA_IMAGE_COUNT);
        createUpToTheLimit(betaToken, beta, REGISTERED.get("image_count_total"));
    }

    /** Limits are read from Keystone on every check, as Glance does: no restart for a new one. */
    @Test
    void aLimitChangedInKeystoneAppliesAtOnce() {
        createUpToTheLimit(alphaToken, alpha, ALPHA_IMAGE_COUNT);

        KeystoneServer.keystone().projectLimit(serviceId, alpha, "image_count_total", ALPHA_IMAGE_COUNT + 1);

        createUpToTheLimit(alphaToken, alpha, ALPHA_IMAGE_COUNT + 1);
    }

    /** What Keystone has, next to what the project uses on this server (sizes in whole MiB, rounded down). */
    @Test
    void usageReportsKeystonesLimitsAndTheProjectsUsage() {
        assertUsage(alphaToken, 0, 0, ALPHA_IMAGE_COUNT);
        String first = create(alphaToken, "usage-first");
        create(alphaToken, "usage-second");
        assertEquals(204, api.upload(first, randomData(MIB + MIB / 2, 1), "X-Auth-Token", alphaToken).statusCode());

        assertUsage(alphaToken, 1, 2, ALPHA_IMAGE_COUNT);
        assertUsage(betaToken, 0, 0, REGISTERED.get("image_count_total"));
    }

    /**
     * image_size_total (registered: 1 MiB) is checked before an upload with nothing added for it, as in Glance:
     * an upload that takes beta over the limit goes through, and the next one is refused and stores nothing.
     */
    @Test
    void uploadsStopOnceTheProjectIsOverImageSizeTotal() {
        String first = create(betaToken, "size-first");
        String second = create(betaToken, "size-second");
        assertEquals(204, api.upload(first, randomData(2 * MIB, 2), "X-Auth-Token", betaToken).statusCode());

        HttpResponse<String> refused = api.upload(second, randomData(1024, 3), "X-Auth-Token", betaToken);

        assertRefused(refused, 413, over(beta, "image_size_total", REGISTERED.get("image_size_total"), 2, 0));
        assertEquals("queued", show(betaToken, second).getString("status"));
    }

    private static void setLimits() {
        Keystone keystone = KeystoneServer.keystone();
        REGISTERED.forEach((resource, limit) -> keystone.registeredLimit(serviceId, resource, limit));
        keystone.projectLimit(serviceId, alpha, "image_count_total", ALPHA_IMAGE_COUNT);
    }

    /** From the project's current count up to {@code limit}, then one more, which is refused. */
    private static void createUpToTheLimit(String token, String project, long limit) {
        for (long count = images(token, project).size(); count < limit; count++) {
            create(token, "count-" + count);
        }
        HttpResponse<String> refused = api.postJson("/v2/images", "{\"name\": \"count-over\"}", "X-Auth-Token", token);

        assertRefused(refused, 413, over(project, "image_count_total", limit, limit, 1));
        assertEquals(limit, images(token, project).size());
    }

    /** Glance's 413 text for oslo.limit's ProjectOverLimit, on one line as the plain-text body has it. */
    private static String over(String project, String resource, long limit, long usage, long delta) {
        return "The request returned a 413 Request Entity Too Large. This generally means that rate limiting or a"
                + " quota threshold was breached.  The response body: Project " + project + " is over a limit for"
                + " [Resource " + resource + " is over limit of " + limit + " due to current usage " + usage
                + " and delta " + delta + "]";
    }

    private static void assertUsage(String token, int sizeMiB, int count, long countLimit) {
        HttpResponse<String> response = api.get("/v2/info/usage", "X-Auth-Token", token);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"usage\":{"
                + "\"image_size_total\":{\"usage\":" + sizeMiB + ",\"limit\":" + REGISTERED.get("image_size_total")
                + "},\"image_stage_total\":{\"usage\":0,\"limit\":" + REGISTERED.get("image_stage_total") + "},"
                + "\"image_count_total\":{\"usage\":" + count + ",\"limit\":" + countLimit + "},"
                + "\"image_count_uploading\":{\"usage\":0,\"limit\":" + REGISTERED.get("image_count_uploading")
                + "}}}", response.body());
    }

    private static String create(String token, String name) {
        HttpResponse<String> response = api.postJson("/v2/images", "{\"name\": \"" + name
                + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}", "X-Auth-Token", token);
        assertEquals(201, response.statusCode(), response.body());
        return Keystone.json(response).getString("id");
    }

    private static JsonObject show(String token, String id) {
        HttpResponse<String> response = api.get("/v2/images/" + id, "X-Auth-Token", token);
        assertEquals(200, response.statusCode(), response.body());
        return Keystone.json(response);
    }

    private static List<JsonObject> images(String token, String project) {
        HttpResponse<String> response = api.get("/v2/images?owner=" + project, "X-Auth-Token", token);
        assertEquals(200, response.statusCode(), response.body());
        return Keystone.json(response).getJsonArray("images").getValuesAs(JsonObject.class);
    }

    private static void deleteImages(String token, String project) {
        for (JsonObject image : images(token, project)) {
            HttpResponse<String> deleted = api.delete("/v2/images/" + image.getString("id"), "X-Auth-Token", token);
            assertEquals(204, deleted.statusCode(), deleted.body());
        }
    }
}
