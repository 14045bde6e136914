package org.glancejee.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One Payara Micro process running the built WAR, as a user would start it: its own working directory
 * (Payara's root dir and the log), a Glance data directory and a database. It can be killed the hard way
 * ({@link #kill()}, SIGKILL) and started again on the same directories ({@link #restart()}), which is what
 * crash tests need; {@link GlanceServer} uses one for the server all API tests share.
 */
public final class GlanceProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Pattern READY = Pattern.compile("Payara Micro [^\\n]* ready in [0-9]");

    private final Path work;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private Process process;
    private int port;
    private Path log;
    private int starts;

    private GlanceProcess(Path work, Path dataDir, Map<String, String> environment, List<String> jvmOptions) {
        this.work = work;
        this.dataDir = dataDir;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Starts a server and waits until the API answers.
     *
     * @param work        Payara's root dir and the logs go here
     * @param dataDir     GLANCE_DATA_DIR; the file store is {@code <dataDir>/images}
     * @param jdbcUrl     GLANCE_DB_URL, or null for the server's default (embedded H2 in the data directory)
     * @param environment further GLANCE_* settings
     * @param jvmOptions  extra JVM flags for the server process
     */
    public static GlanceProcess start(Path work, Path dataDir, String jdbcUrl, Map<String, String> environment,
                                      List<String> jvmOptions) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("GLANCE_DATA_DIR", dataDir.toString());
        if (jdbcUrl != null) {
            env.put("GLANCE_DB_URL", jdbcUrl);
        }
        GlanceProcess server = new GlanceProcess(work, dataDir, env, List.copyOf(jvmOptions));
        server.launch();
        return server;
    }

    /**
     * Starts the server again on the same directories and database after a stop or a kill. It listens on a
     * new port (the old one may still be held by connections the kill cut), so take {@link #baseUri()} again.
     */
    public void restart() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        launch();
    }

    /** SIGKILL: no shutdown hook, no cleanup, as when the machine or the OOM killer takes the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
        }
    }

    /** Graceful stop (SIGTERM), forced after 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The filesystem store's directory, where image data and partial uploads live. */
    public Path imageStore() {
        return dataDir.resolve("images");
    }

    /** The log of the latest start. */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void launch() throws Exception {
        Files.createDirectories(work);
        starts++;
        port = freePort();
        log = work.resolve(starts == 1 ? "server.log" : "server-" + starts + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", required("glance.it.micro"),
                "--deploy", required("glance.it.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster", "--nohostaware", "--disablephonehome",
                "--rootdir", work.resolve("micro").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("GLANCE_DB_URL");
        builder.environment().putAll(environment);
        process = builder.start();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        // HTTP/1.1: a poll that times out then takes its connection with it. With the default (h2c upgrade)
        // every poll shares one HTTP/2 connection, and one that went bad during deployment hangs them all.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; log:\n" + tail());
            }
            try {
                // Micro logs "ready" even when deployment failed, so an application URL must answer too; and
                // the application answers a moment before Micro has finished deploying (requests then may
                // get a 503 from the container), so the log must say ready too.
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(baseUri().resolve("/versions"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200
                        && READY.matcher(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1)).find()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Glance did not answer /versions in time; log:\n" + tail());
    }

    private String tail() throws IOException {
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
}
