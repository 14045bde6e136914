package org.glancejee.it.identity;

import org.glancejee.it.Cli;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keystone for the test run: {@code src/test/scripts/keystone-up.sh} starts it once per test JVM on a
 * free port, with its state (sqlite, keys, logs) in {@code <glance.it.workdir>/keystone}, which later runs
 * reuse; it stops at the end of the run ({@code keystone-down.sh}). Tests get it with
 * {@code @ExtendWith(KeystoneServer.class)}, or through {@code GlanceServer} when the run is for
 * {@code glance.it.auth=keystone}, and then use {@link #fixtures()} and {@link #keystone()}.
 * The script's output goes to {@code keystone/keystone-up.log}; Keystone's own logs to {@code keystone/log}.
 */
public final class KeystoneServer implements BeforeAllCallback {
    /** The first run on a machine may install the Debian packages. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static Running running;

    private record Running(Path state, Fixtures fixtures, Keystone keystone, Thread shutdownHook) {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(context);
    }

    /**
     * Starts Keystone unless this JVM did already, and has it stopped when the test plan ends (or the JVM
     * does).
     */
    public static synchronized Fixtures start(ExtensionContext context) throws IOException, InterruptedException {
        if (running == null) {
            running = launch();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KeystoneServer.class.getName(),
                    (ExtensionContext.Store.CloseableResource) KeystoneServer::stop);
        }
        return running.fixtures();
    }

    /** The users, projects and URLs of the running Keystone. */
    public static Fixtures fixtures() {
        return current().fixtures();
    }

    /** A client of the running Keystone (it keeps an admin token). */
    public static Keystone keystone() {
        return current().keystone();
    }

    /**
     * The stock {@code openstack} command as a fixture user: password authentication from OS_* variables
     * (see {@link Fixtures#openrc}), the image API found in the catalog. Its HOMEs go under
     * {@code keystone/cli}, beside Keystone's logs.
     */
    public static Cli openstackAs(String user) {
        return Cli.openstack(fixtures().openrc(user), stateDir().resolve("cli"));
    }

    /** Where Keystone keeps its state and logs. */
    public static Path stateDir() {
        return current().state();
    }

    /**
     * The settings that make our server validate tokens against this Keystone, as environment variables of
     * its MicroProfile Config keys: {@code glance.auth_strategy=keystone} and the
     * {@code glance.keystone_authtoken.*} service user (glance, in project service).
     */
    /** The servers' glance.keystone_authtoken.token_cache_time in keystone runs. */
    public static final int TOKEN_CACHE_SECONDS = 3;

    public static Map<String, String> glanceEnvironment() {
        Fixtures fixtures = fixtures();
        Fixtures.User service = fixtures.user(Fixtures.SERVICE);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GLANCE_AUTH_STRATEGY", "keystone");
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_AUTH_URL", fixtures.authUrl().toString());
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_WWW_AUTHENTICATE_URI", fixtures.rootUrl().toString());
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_USERNAME", service.name());
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_PASSWORD", service.password());
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_PROJECT_NAME", service.projectName());
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_USER_DOMAIN_NAME", fixtures.userDomainName());
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_PROJECT_DOMAIN_NAME", fixtures.projectDomainName());
        // short, so a test can watch a revoked token stop working
        env.put("GLANCE_KEYSTONE_AUTHTOKEN_TOKEN_CACHE_TIME", String.valueOf(TOKEN_CACHE_SECONDS));
        // glance-download is opt-in in Glance; GlanceDownloadIT needs it
        env.put("GLANCE_ENABLED_IMPORT_METHODS", "glance-direct,web-download,copy-image,glance-download");
        return env;
    }

    private static synchronized Running current() {
        if (running == null) {
            throw new IllegalStateException("Keystone is not running: use @ExtendWith(KeystoneServer.class)");
        }
        return running;
    }

    private static Running launch() throws IOException, InterruptedException {
        Path state = Path.of(System.getProperty("glance.it.workdir", "target/it")).toAbsolutePath()
                .resolve("keystone");
        Files.createDirectories(state);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();
        script(state, "keystone-up.sh", List.of(String.valueOf(port)), START_TIMEOUT);
        Fixtures fixtures = Fixtures.read(state.resolve("fixtures.properties"));
        System.out.printf(Locale.ROOT, "Keystone at %s, up in %.1f s (state %s)%n", fixtures.authUrl(),
                (System.nanoTime() - start) / 1e9, state);
        // A JVM that ends without the test plan's end (Ctrl-C) would leave uwsgi running, detached.
        Thread hook = new Thread(() -> down(state), "keystone-down");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Running(state, fixtures, new Keystone(fixtures), hook);
    }

    private static synchronized void stop() {
        if (running != null) {
            Running stopping = running;
            running = null;
            try {
                Runtime.getRuntime().removeShutdownHook(stopping.shutdownHook());
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            down(stopping.state());
        }
    }

    private static void down(Path state) {
        try {
            script(state, "keystone-down.sh", List.of(), STOP_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop Keystone: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one of the scripts on the state dir, its output appended to keystone-up.log; insists on exit 0. */
    private static void script(Path state, String name, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        Path script = scripts().resolve(name);
        Path log = state.resolve("keystone-up.log");
        List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString(), state.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("KEYSTONE_UP_SKIP_PACKAGES",
                System.getProperty("glance.it.debian-packages.skip", "false"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(name + " took over " + timeout.toSeconds() + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException(name + " failed (exit code " + process.exitValue() + "); " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    /** src/test/scripts of the project root: failsafe names it, or it is found from the module directory. */
    private static Path scripts() {
        String configured = System.getProperty("glance.it.scripts");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("src/test/scripts");
            if (Files.isRegularFile(candidate.resolve("keystone-up.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("src/test/scripts/keystone-up.sh not found; set glance.it.scripts");
    }
}
