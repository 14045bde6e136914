package org.glancejee.it;

import jakarta.json.JsonObject;
import org.glancejee.store.s3.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * server-config/payara-micro/glance.env.sample, the README's production example, run as written except for
 * what only a real site has: this run's database (MariaDB in the MariaDB execution) for db.example.org, a real
 * S3 server (s3proxy) for s3.example.org, no Keystone, and directories of the test's own. Every other setting
 * (the S3 store and its options, delayed delete, the log directory) is the file's.
 */
@ExtendWith(GlanceServer.class)
class ProductionExampleIT {
    private static final Path SAMPLE = Path.of(System.getProperty("glance.it.serverConfig", "../server-config"))
            .resolve("payara-micro/glance.env.sample");
    private static final Path WORK = Path.of(System.getProperty("glance.it.workdir", "target/it")).toAbsolutePath()
            .resolve("production-example");
    /** What the test supplies itself: the site's hosts, credentials, addresses and directories. */
    private static final Set<String> SITE_SPECIFIC = Set.of("GLANCE_DATA_DIR", "GLANCE_BIND_HOST", "GLANCE_PORT",
            "GLANCE_JAVA_OPTS", "GLANCE_DB_URL", "GLANCE_LOG_DIR", "GLANCE_AUTH_STRATEGY");
    private static final S3Proxy S3 = S3Proxy.startForTests(
            Path.of(System.getProperty("glance.it.workdir", "target/it"), "s3proxy-production"));
    private static final Map<String, String> SAMPLE_SETTINGS = read(SAMPLE);

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("production_example", environment());

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(SAMPLE_SETTINGS);
        env.keySet().removeIf(key -> SITE_SPECIFIC.contains(key) || key.startsWith("GLANCE_KEYSTONE_AUTHTOKEN_"));
        env.replace("GLANCE_OBJECTS_S3_STORE_HOST", S3.endpoint().toString());
        env.replace("GLANCE_OBJECTS_S3_STORE_ACCESS_KEY", S3Proxy.ACCESS_KEY);
        env.replace("GLANCE_OBJECTS_S3_STORE_SECRET_KEY", S3Proxy.SECRET_KEY);
        env.put("GLANCE_LOG_DIR", WORK.resolve("log").toString());
        return env;
    }

    @AfterAll
    static void stopS3() throws Exception {
        S3.close();
    }

    @Test
    void theSampleNamesEverySettingTheTestReplaces() {
        for (String key : new String[] {"GLANCE_DB_URL", "GLANCE_OBJECTS_S3_STORE_HOST", "GLANCE_AUTH_STRATEGY",
                "GLANCE_OBJECTS_S3_STORE_SECRET_KEY", "GLANCE_LOG_DIR", "GLANCE_BIND_HOST"}) {
            assertTrue(SAMPLE_SETTINGS.containsKey(key), key + " in " + SAMPLE);
        }
        assertTrue(SAMPLE_SETTINGS.get("GLANCE_DB_URL").startsWith("jdbc:mariadb://"), "the example is on MariaDB");
        assertEquals("keystone", SAMPLE_SETTINGS.get("GLANCE_AUTH_STRATEGY"));
    }

    @Test
    void imagesGoToTheS3BucketAndADeletedOneWaitsThereForTheScrubber() throws Exception {
        ImageBytes api = SERVER.api();
        String bucket = SAMPLE_SETTINGS.get("GLANCE_OBJECTS_S3_STORE_BUCKET");
        HttpResponse<String> info = api.get("/v2/info/stores");
        assertEquals(200, info.statusCode(), info.body());
        JsonObject stores = Api.json(info);
        assertEquals("objects", stores.getJsonArray("stores").getJsonObject(0).getString("id"), stores.toString());
        assertEquals(SAMPLE_SETTINGS.get("GLANCE_OBJECTS_STORE_DESCRIPTION"),
                stores.getJsonArray("stores").getJsonObject(0).getString("description"));

        long before = S3.filesIn(bucket); // an earlier execution's image may still wait for the scrubber there
        byte[] data = randomData(3 << 20, 4242);
        String id = api.createRaw("production-example");
        assertEquals(204, api.upload(id, data).statusCode());
        assertEquals("objects", api.show(id).getString("stores"));
        assertEquals(before + 1, S3.filesIn(bucket), "the bytes are one object in the sample's bucket");
        assertArrayEquals(data, api.download(id).body());

        HttpResponse<String> ready = api.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"stores\""), ready.body());

        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
        assertEquals(404, api.get("/v2/images/" + id).statusCode());
        assertEquals(before + 1, S3.filesIn(bucket), "delayed delete: the data stays until scrub_time has passed");

        Path apiLog = WORK.resolve("log/api.log");
        assertTrue(Files.exists(apiLog), "the sample's log directory has the API's log");
        try (Stream<Path> logs = Files.list(WORK.resolve("log"))) {
            for (Path log : logs.toList()) {
                assertFalse(Files.readString(log).contains(S3Proxy.SECRET_KEY), log + " has the S3 secret key");
            }
        }
    }

    /** KEY=value lines of a shell environment file; a value may be in single quotes. */
    private static Map<String, String> read(Path file) {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                String value = trimmed.substring(eq + 1);
                if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1);
                }
                settings.put(trimmed.substring(0, eq), value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }
}
