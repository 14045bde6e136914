package org.glancejee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator watches, read from a running server as they would: live figures over JMX (requests by
 * endpoint, store traffic, cache, database), the logs under {@code log_dir} (one per subsystem, each line naming
 * its request, the access log, never a token), and on the shared server Prometheus text at {@code /metrics} and
 * the OpenAPI document at {@code /openapi}.
 */
@ExtendWith(GlanceServer.class)
class OperationsFiguresIT {
    private static final int JMX_PORT = Jmx.freePort();
    private static final Path LOG_DIR = tempDirectory();
    private static final String REQUESTS = "org.glancejee:type=Requests";
    private static final String FILE_STORE = "org.glancejee:type=Store,name=\"file\"";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("observed", Map.of("GLANCE_LOG_DIR", LOG_DIR.toString()),
            Jmx.serverOptions(JMX_PORT));

    @Test
    void jmxGivesLiveFiguresOfRequestsStoresCacheAndDatabase() throws Exception {
        ImageBytes api = SERVER.api();
        byte[] data = randomData(1 << 20, 77);
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            long inBefore = (Long) jmx.attribute(FILE_STORE, "BytesIn");
            long outBefore = (Long) jmx.attribute(FILE_STORE, "BytesOut");
            long errorsBefore = (Long) jmx.attribute(REQUESTS, "ClientErrors");
            long downloadsBefore = endpoint(jmx, "GET", "/v2/images/{id}/file").map(r -> (Long) r.get("requests"))
                    .orElse(0L);
            String database = "org.glancejee:type=Database";
            long connectionsBefore = (Long) jmx.attribute(database, "ConnectionsAcquired");

            String id = api.createRaw("watched");
            api.uploadOk(id, data);
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> download = api.download(id);
                assertEquals(200, download.statusCode());
                assertArrayEquals(data, download.body());
            }
            assertEquals(404, api.get("/v2/images/" + UUID.randomUUID()).statusCode());
            assertEquals(206, api.download(id, "Range", "bytes=0-99").statusCode());

            assertEquals(inBefore + data.length, jmx.attribute(FILE_STORE, "BytesIn"), "the upload, byte for byte");
            assertEquals(outBefore + 2L * data.length + 100, jmx.attribute(FILE_STORE, "BytesOut"),
                    "two whole downloads and a range of 100 bytes");
            assertEquals(0L, jmx.attribute(FILE_STORE, "Errors"));
            assertTrue((Long) jmx.attribute(FILE_STORE, "CapacityBytes") > 0);
            assertTrue((Long) jmx.attribute(FILE_STORE, "FreeBytes") > 0);

            assertTrue((Long) jmx.attribute(REQUESTS, "ClientErrors") >= errorsBefore + 1, "the 404");
            CompositeData show = endpoint(jmx, "GET", "/v2/images/{id}").orElseThrow();
            assertTrue((Long) show.get("requests") >= 1);
            assertTrue((Long) show.get("clientErrors") >= 1, "the unknown image");
            CompositeData download = endpoint(jmx, "GET", "/v2/images/{id}/file").orElseThrow();
            assertEquals(downloadsBefore + 3, download.get("requests"));
            assertTrue((Double) download.get("meanMillis") > 0);
            assertTrue((Double) download.get("maxMillis") >= (Double) download.get("meanMillis"));
            assertTrue(endpoint(jmx, "PUT", "/v2/images/{id}/file").isPresent());
            assertTrue(Arrays.stream(endpoints(jmx)).noneMatch(row -> row.get("path").toString().contains(id)),
                    "endpoints by template, never by image");

            assertTrue((Long) jmx.attribute(database, "ConnectionsAcquired") >= connectionsBefore + 6,
                    "six requests, each reading or writing the catalogue through JPA");
            assertEquals("java:app/jdbc/glance", jmx.attribute(database, "DataSource"));
            assertEquals(0L, jmx.attribute(database, "ConnectionFailures"));
            assertTrue((Integer) jmx.attribute(database, "PeakConnectionsInUse") >= 1);
            assertTrue((Double) jmx.attribute(database, "MaxConnectionWaitMillis")
                    >= (Double) jmx.attribute(database, "MeanConnectionWaitMillis"));
            assertEquals(64, jmx.attribute(database, "MaxPoolSize"));
            awaitNoConnectionHeld(jmx, database);
            assertEquals(Boolean.TRUE, jmx.attribute(database, "Available"));
            assertTrue(jmx.attribute(database, "Product").toString().toLowerCase()
                    .contains(GlanceServer.database()), jmx.attribute(database, "Product").toString());
            assertTrue((Double) jmx.attribute(database, "RoundTripMillis") >= 0);

            assertEquals(Boolean.FALSE, jmx.attribute("org.glancejee:type=Cache", "Enabled"));
            assertEquals(0L, jmx.attribute("org.glancejee:type=Cache", "Hits"));
        }
    }

    /** Every connection taken is given back: none held once the requests (and any job run) are over. */
    private static void awaitNoConnectionHeld(Jmx jmx, String database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((Integer) jmx.attribute(database, "ConnectionsInUse") != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, jmx.attribute(database, "ConnectionsInUse"));
    }

    @Test
    void eachSubsystemLogsToItsOwnFileAndEveryLineNamesItsRequest() throws Exception {
        ImageBytes api = SERVER.api();
        String token = "gAAAAA-secret-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        String id = api.createRaw("logged");
        byte[] data = randomData(70_000, 78);
        assertEquals(204, api.put("/v2/images/" + id + "/stage", data,
                "Content-Type", "application/octet-stream", "X-Auth-Token", token).statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import", "{\"method\": {\"name\": \"glance-direct\"}}",
                "x-openstack-request-id", requestId, "X-Auth-Token", token).statusCode());
        assertEquals("active", api.awaitStatus(id, "active", Duration.ofSeconds(60)));
        assertEquals(200, api.download(id, "x-openstack-request-id", requestId + "-2").statusCode());

        String importLog = awaitLine(LOG_DIR.resolve("import.log"), "Import task", "succeeded");
        assertTrue(importLog.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\d+ INFO "
                + "org\\.glancejee\\.imports\\.ImportJob \\[" + requestId + " - -] Import task .* succeeded: image "
                + id + " is in \\[file]"), "oslo's line, naming the request that started the import: " + importLog);
        String access = awaitLine(LOG_DIR.resolve("access.log"), "\"GET /v2/images/" + id + "/file HTTP/1.1\"");
        assertTrue(access.matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000] "
                + "\"GET /v2/images/" + id + "/file HTTP/1.1\" 200 " + data.length + " \"-\" \"[^\"]*\" \\d+\\.\\d{6} "
                + requestId + "-2"), access);
        assertTrue(awaitLine(LOG_DIR.resolve("access.log"), "\"POST /v2/images/" + id + "/import HTTP/1.1\" 202")
                .endsWith(" " + requestId));
        assertTrue(awaitLine(LOG_DIR.resolve("api.log"), "org.glancejee.logging.ServiceLogs", "Logging to")
                .contains(" INFO "));
        for (String log : List.of("api", "import", "access", "scrubber", "cache", "replicator")) {
            assertTrue(Files.exists(LOG_DIR.resolve(log + ".log")), log + ".log");
        }
        try (var files = Files.list(LOG_DIR)) {
            for (Path file : files.toList()) {
                assertFalse(Files.readString(file).contains(token), "a token in " + file.getFileName());
            }
        }
        assertFalse(Files.readString(SERVER.log()).contains("Import task"),
                "with log_dir, the service's lines are in its own files only");
    }

    @Test
    void theServersLogNamesTheRequestOfEachLineWithoutLogDir() throws Exception {
        ImageBytes api = ImageBytes.shared();
        String requestId = "req-" + UUID.randomUUID();
        String id = api.createRaw("stamped");
        assertEquals(204, api.put("/v2/images/" + id + "/stage", randomData(5000, 79),
                "Content-Type", "application/octet-stream").statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import", "{\"method\": {\"name\": \"glance-direct\"}}",
                "x-openstack-request-id", requestId).statusCode());
        assertEquals("active", api.awaitStatus(id, "active", Duration.ofSeconds(60)));
        awaitLine(GlanceServer.log(), "[" + requestId + " - -] Import task", "succeeded: image " + id);
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
    }

    @Test
    void prometheusTextAndOpenApiAreServed() {
        ImageBytes api = ImageBytes.shared();
        assertEquals(200, api.get("/v2/images?limit=1").statusCode());
        HttpResponse<String> metrics = api.get("/metrics?scope=application", "Accept", "text/plain");
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("glance_requests_total{")
                && line.contains("method=\"GET\"") && line.contains("path=\"/v2/images\"")
                && line.contains("status=\"2xx\"")), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("glance_request_seconds_sum{")
                && line.contains("path=\"/v2/images\"") && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0),
                metrics.body());
        assertTrue(metrics.body().lines().anyMatch(line -> line.matches("glance_db_connections_acquired(\\{.*})? .*")
                && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(line -> line.matches("glance_db_connections_in_use(\\{.*})? .*")),
                metrics.body());

        HttpResponse<String> openapi = api.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("title: OpenStack Image Service API v2"), openapi.body());
        assertTrue(openapi.body().lines().anyMatch(line -> line.equals("  /v2/images:")), openapi.body());
        assertTrue(openapi.body().lines().anyMatch(line -> line.equals("  /v2/images/{id}/file:")));
        assertTrue(openapi.body().lines().noneMatch(line -> line.startsWith("  /admin")),
                "the admin pages are not API");
    }

    private static CompositeData[] endpoints(Jmx jmx) throws Exception {
        return (CompositeData[]) jmx.attribute(REQUESTS, "Endpoints");
    }

    private static Optional<CompositeData> endpoint(Jmx jmx, String method, String path) throws Exception {
        return Arrays.stream(endpoints(jmx))
                .filter(row -> row.get("method").equals(method) && row.get("path").equals(path)).findFirst();
    }

    /** The first line holding every one of {@code parts}, waiting up to 30 s for it to be written. */
    private static String awaitLine(Path file, String... parts) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            if (Files.exists(file)) {
                Optional<String> line = Files.readAllLines(file).stream()
                        .filter(l -> Arrays.stream(parts).allMatch(l::contains)).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no line with " + List.of(parts) + " in " + file);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("glance-logs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
