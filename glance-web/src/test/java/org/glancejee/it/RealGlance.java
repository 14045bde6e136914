package org.glancejee.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

/**
 * The real OpenStack Glance (Debian 12's glance-api 25.x) on loopback, started by
 * {@code src/test/scripts/glance-up.sh} (which installs it when missing) in a fresh state directory under the
 * run's work directory: noauth (every request an admin), SQLite, one file store.
 */
final class RealGlance implements AutoCloseable {
    private final Path state;
    private final int port;

    private RealGlance(Path state, int port) {
        this.state = state;
        this.port = port;
    }

    static RealGlance start(String name) throws IOException, InterruptedException {
        Path state = Path.of(System.getProperty("glance.it.workdir", "target/it"), GlanceServer.runName(),
                "real-glance-" + name).toAbsolutePath();
        script("glance-down.sh", state.toString());
        GlanceServer.deleteTree(state);
        RealGlance glance = new RealGlance(state, freePort());
        script("glance-up.sh", state.toString(), String.valueOf(glance.port));
        return glance;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    ImageBytes api() {
        return new ImageBytes(baseUri());
    }

    /**
     * Lets noauth callers (who have no role) use the metadef rules, and loads definition files with
     * {@code glance-manage db_load_metadefs}.
     */
    void loadMetadefs(Path files) throws IOException, InterruptedException {
        java.nio.file.Files.writeString(state.resolve("etc/policy.yaml"), "\n\"metadef_admin\": \"\"\n",
                java.nio.file.StandardOpenOption.APPEND);
        Process process = new ProcessBuilder("glance-manage", "--config-file",
                state.resolve("etc/glance-api.conf").toString(), "db_load_metadefs", files.toString())
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("glance-manage db_load_metadefs failed with " + process.exitValue());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("glance-down.sh", state.toString());
    }

    private static void script(String name, String... args) throws IOException, InterruptedException {
        String scripts = System.getProperty("glance.it.scripts", "../src/test/scripts");
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = Path.of(scripts, name).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (Boolean.getBoolean("glance.it.debian-packages.skip")) {
            builder.environment().put("GLANCE_UP_SKIP_PACKAGES", "true");
        }
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IOException(name + " failed with " + process.exitValue());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
