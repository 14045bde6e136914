package org.glancejee.ear;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A real WildFly (the distribution from Maven Central, unpacked by the build into target/wildfly) set up by
 * server-config/wildfly/glance.cli exactly as the README tells an operator, started with a port offset so it
 * meets no other server, with the EAR dropped into its deployments directory.
 */
final class WildFlyServer implements AutoCloseable {
    private final Path home;
    private final int portOffset;
    private Process process;

    private WildFlyServer(Path home, int portOffset) {
        this.home = home;
        this.portOffset = portOffset;
    }

    /** Configures the server (once per unpacked copy), deploys the EAR and waits until it answers /versions. */
    static WildFlyServer start(Path home, Path cliScript, Path eclipseLink, Path dataDir, Path ear, int portOffset)
            throws IOException, InterruptedException {
        WildFlyServer server = new WildFlyServer(home, portOffset);
        Path configured = home.resolve("glance-configured");
        if (!Files.exists(configured)) {
            Path properties = home.resolve("glance-cli.properties");
            Files.writeString(properties, "eclipselink.dir=" + eclipseLink + "\nwildfly.home=" + home
                    + "\nglance.data_dir=" + dataDir + "\n");
            // through bash: the unpacked zip's scripts are not executable
            server.run(List.of("bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + cliScript,
                    "--properties=" + properties), home.resolve("glance-cli.log"));
            Files.createFile(configured);
        }
        Files.createDirectories(dataDir);
        Files.copy(ear, home.resolve("standalone/deployments").resolve(ear.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder standalone = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(home.resolve("glance-server.log").toFile());
        standalone.environment().put("GLANCE_DATA_DIR", dataDir.toString());
        server.process = standalone.start();
        server.awaitVersions(Duration.ofMinutes(4));
        return server;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    }

    URI management() {
        return URI.create("http://127.0.0.1:" + (9990 + portOffset) + "/");
    }

    private void awaitVersions(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly stopped; see " + home.resolve("glance-server.log"));
            }
            try {
                HttpResponse<Void> versions = http.send(HttpRequest.newBuilder(base().resolve("versions"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (versions.statusCode() == 300 || versions.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("glance.ear did not answer /versions on WildFly in time; see "
                + home.resolve("glance-server.log"));
    }

    private void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (cli.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed; see " + log);
        }
    }

    /** Stops the server and the JVM standalone.sh started. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = process.descendants().toList();
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle handle : all) {
            handle.onExit().toCompletableFuture().completeOnTimeout(null, 30, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
            handle.destroyForcibly();
        }
        process.waitFor();
    }
}
