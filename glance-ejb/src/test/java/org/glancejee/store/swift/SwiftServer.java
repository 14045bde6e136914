package org.glancejee.store.swift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real OpenStack Swift for tests: Debian's packages run on loopback by {@code src/test/scripts/swift-up.sh}
 * (directory in the system property {@code glance.test.scripts}), with tempauth account {@code glance}, user
 * {@code tester}, key {@code testing}. Stopped (data kept) by swift-down.sh.
 */
public final class SwiftServer implements AutoCloseable {
    public static final String USER = "glance:tester";
    public static final String KEY = "testing";

    private final Path state;
    private final int port;
    /** swift-up.sh's variables for Keystone authentication; empty for tempauth. */
    private final Map<String, String> keystone;

    private SwiftServer(Path state, int port, Map<String, String> keystone) {
        this.state = state.toAbsolutePath();
        this.port = port;
        this.keystone = keystone;
    }

    public static SwiftServer start(Path state) throws IOException, InterruptedException {
        SwiftServer server = new SwiftServer(state, freePortRange(), Map.of());
        server.start();
        return server;
    }

    /**
     * A Swift that accepts Keystone tokens (authtoken and keystoneauth), registered in that Keystone's catalog as
     * its object-store at {@code /v1/AUTH_<project id>}; {@code admin} creates what Swift needs there.
     */
    public static SwiftServer startWithKeystone(Path state, URI authUrl, String admin, String adminPassword,
                                                String adminProject) throws IOException, InterruptedException {
        SwiftServer server = new SwiftServer(state, freePortRange(), Map.of("SWIFT_UP_KEYSTONE_URL", authUrl.toString(),
                "SWIFT_UP_KEYSTONE_ADMIN_USER", admin, "SWIFT_UP_KEYSTONE_ADMIN_PASSWORD", adminPassword,
                "SWIFT_UP_KEYSTONE_ADMIN_PROJECT", adminProject));
        server.start();
        return server;
    }

    public void start() throws IOException, InterruptedException {
        run(keystone, "swift-up.sh", state.toString(), String.valueOf(port));
    }

    public void stop() throws IOException, InterruptedException {
        run(Map.of(), "swift-down.sh", state.toString());
    }

    /** Where a project's account is, with Keystone. */
    public URI accountOf(String projectId) {
        return URI.create("http://127.0.0.1:" + port + "/v1/AUTH_" + projectId);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    public URI authAddress() {
        return URI.create("http://127.0.0.1:" + port + "/auth/v1.0");
    }

    /** A store's options in glance_store's names, for a container of this server's account. */
    public Map<String, String> storeOptions(String container) {
        Map<String, String> options = new HashMap<>();
        options.put("swift_store_auth_address", authAddress().toString());
        options.put("swift_store_auth_version", "1");
        options.put("swift_store_user", USER);
        options.put("swift_store_key", KEY);
        options.put("swift_store_container", container);
        options.put("swift_store_create_container_on_put", "true");
        return options;
    }

    /** Writes an object past the driver (creating the container if needed). */
    public void put(String container, String name, byte[] data) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(authAddress()).header("X-Auth-User", USER)
                .header("X-Auth-Key", KEY).build(), HttpResponse.BodyHandlers.discarding());
        String token = login.headers().firstValue("X-Auth-Token").orElseThrow();
        String url = login.headers().firstValue("X-Storage-Url").orElseThrow();
        http.send(HttpRequest.newBuilder(URI.create(url + "/" + container)).header("X-Auth-Token", token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(url + "/" + container + "/" + name))
                .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (put.statusCode() != 201) {
            throw new IOException("Swift answered " + put.statusCode() + " to a PUT of " + name);
        }
    }

    /** How many objects (segments included) a container holds; 0 when it does not exist. */
    public long objectsIn(String container) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(authAddress()).header("X-Auth-User", USER)
                .header("X-Auth-Key", KEY).build(), HttpResponse.BodyHandlers.discarding());
        String token = login.headers().firstValue("X-Auth-Token").orElseThrow();
        String url = login.headers().firstValue("X-Storage-Url").orElseThrow();
        HttpResponse<String> listing = http.send(HttpRequest.newBuilder(URI.create(url + "/" + container))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        if (listing.statusCode() == 404) {
            return 0;
        }
        return listing.body().lines().filter(l -> !l.isBlank()).count();
    }

    private static void run(Map<String, String> environment, String script, String... args)
            throws IOException, InterruptedException {
        String scripts = System.getProperty("glance.test.scripts");
        if (scripts == null) {
            throw new IllegalStateException("system property glance.test.scripts (src/test/scripts) is not set");
        }
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = Path.of(scripts, script).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IOException(script + " failed with " + process.exitValue());
        }
    }

    /** A port whose next four are free too (the Swift servers and memcached take PORT..PORT+4). */
    private static int freePortRange() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * 20000);
            if (free(base) && free(base + 1) && free(base + 2) && free(base + 3) && free(base + 4)) {
                return base;
            }
        }
        throw new IllegalStateException("no five free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
