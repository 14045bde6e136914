package org.glancejee.limits;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.glancejee.domain.QuotaResource;
import org.glancejee.identity.KeystoneClient;
import org.glancejee.identity.ServiceToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a stand-in for Keystone's Identity API on loopback that answers as Keystone does for the calls
 * oslo.limit makes (a real Keystone harness is for the integration tests elsewhere).
 */
class KeystoneProjectLimitsTest {
    private HttpServer keystone;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Path and query of a GET → the JSON to answer; anything else is a 404. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private volatile String model = "flat";

    @BeforeEach
    void start() throws IOException {
        keystone = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keystone.createContext("/v3/", this::answer);
        keystone.start();
        answers.put("/v3/endpoints/ep1", "{\"endpoint\":{\"id\":\"ep1\",\"service_id\":\"svc\",\"region_id\":\"RegionOne\"}}");
    }

    @AfterEach
    void stop() {
        keystone.stop(0);
    }

    private ProjectLimits limits() {
        KeystoneClient client = KeystoneClient.systemScoped("http://127.0.0.1:" + keystone.getAddress().getPort(),
                "glance", "secret", "Default", Duration.ofSeconds(5));
        return new KeystoneProjectLimits(client, new ServiceToken(client, Clock.systemUTC()), "ep1");
    }

    private void limit(String project, String resource, long value) {
        answers.put("/v3/limits?service_id=svc&region_id=RegionOne&resource_name=" + resource + "&project_id="
                + project, "{\"limits\":[{\"resource_name\":\"" + resource + "\",\"resource_limit\":" + value + "}]}");
    }

    private void registered(String resource, long value) {
        answers.put("/v3/registered_limits?service_id=svc&region_id=RegionOne&resource_name=" + resource,
                "{\"registered_limits\":[{\"resource_name\":\"" + resource + "\",\"default_limit\":" + value + "}]}");
    }

    @Test
    void theProjectsLimitElseTheRegisteredOneElseZero() {
        limit("p1", "image_count_total", 25);
        registered("image_count_total", 10);
        ProjectLimits limits = limits();

        assertEquals(25, limits.limit("p1", QuotaResource.IMAGE_COUNT_TOTAL));
        assertEquals(10, limits.limit("p2", QuotaResource.IMAGE_COUNT_TOTAL));
        assertEquals(10, limits.limit(null, QuotaResource.IMAGE_COUNT_TOTAL));
        assertEquals(0, limits.limit("p1", QuotaResource.IMAGE_STAGE_TOTAL));
    }

    @Test
    void aSystemScopedServiceTokenIsIssuedOnceAndSentWithEveryRead() {
        registered("image_size_total", 1024);
        ProjectLimits limits = limits();
        limits.limit("p1", QuotaResource.IMAGE_SIZE_TOTAL);
        limits.limit("p1", QuotaResource.IMAGE_SIZE_TOTAL);

        assertEquals(1, requests.stream().filter(r -> r.startsWith("POST /v3/auth/tokens")).count(), requests.toString());
        assertTrue(requests.contains("POST /v3/auth/tokens {\"system\":{\"all\":true}}"), requests.toString());
        assertEquals(1, requests.stream().filter(r -> r.startsWith("GET /v3/limits/model")).count(), "model read once");
        assertTrue(requests.stream().filter(r -> r.startsWith("GET ")).allMatch(r -> r.endsWith(" token-1")),
                requests.toString());
    }

    @Test
    void fromTheSettingsTheServiceUserLogsInScopedToTheSystem() {
        registered("image_count_total", 10);
        String authUrl = "http://127.0.0.1:" + keystone.getAddress().getPort() + "/v3";
        Map<String, String> settings = Map.of("glance.oslo_limit.endpoint_id", "ep1",
                "glance.oslo_limit.auth_url", authUrl, "glance.oslo_limit.username", "glance",
                "glance.oslo_limit.password", "secret");

        ProjectLimits limits = ProjectLimitsProducer.fromSettings(key -> Optional.ofNullable(settings.get(key)));

        assertEquals(10, limits.limit("p1", QuotaResource.IMAGE_COUNT_TOTAL));
        assertTrue(requests.contains("POST /v3/auth/tokens {\"system\":{\"all\":true}}"), requests.toString());
    }

    @Test
    void onlyTheFlatModelIsSupported() {
        model = "strict-two-level";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> limits().limit("p1", QuotaResource.IMAGE_COUNT_TOTAL));
        assertEquals("enforcement model strict-two-level is not supported", e.getMessage());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String target = path + (query == null ? "" : "?" + query);
        int status;
        String body;
        if (exchange.getRequestMethod().equals("POST") && path.equals("/v3/auth/tokens")) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add("POST " + path + " " + request.substring(request.indexOf("\"scope\":") + 8,
                    request.length() - 2));
            exchange.getResponseHeaders().add("X-Subject-Token", "token-1");
            status = 201;
            body = "{\"token\":{\"expires_at\":\"2999-01-01T00:00:00.000000Z\"}}";
        } else {
            requests.add("GET " + target + " " + exchange.getRequestHeaders().getFirst("X-Auth-Token"));
            status = 200;
            if (target.equals("/v3/limits/model")) {
                body = "{\"model\":{\"name\":\"" + model + "\",\"description\":\"\"}}";
            } else if (answers.containsKey(target)) {
                body = answers.get(target);
            } else if (path.equals("/v3/limits")) {
                body = "{\"limits\":[]}";
            } else if (path.equals("/v3/registered_limits")) {
                body = "{\"registered_limits\":[]}";
            } else {
                status = 404;
                body = "{}";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
