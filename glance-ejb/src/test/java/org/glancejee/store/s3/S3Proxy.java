package org.glancejee.store.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for tests: s3proxy's self-contained jar (copied into target/ by the build,
 * path in the system property {@code glance.test.s3proxy.jar}) run as a separate process on a free loopback
 * port, keeping its objects as files under a directory. It can be stopped and started again on the same
 * port and data, to play an outage.
 */
public final class S3Proxy implements AutoCloseable {
    public static final String ACCESS_KEY = "glance-test-access";
    public static final String SECRET_KEY = "glance-test-secret-key";

    private static final java.util.regex.Pattern IMAGE_ID = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

    private final Path work;
    private final int port;
    private Process process;

    private S3Proxy(Path work, int port) {
        this.work = work;
        this.port = port;
    }

    public static S3Proxy start(Path work) throws IOException, InterruptedException {
        S3Proxy proxy = new S3Proxy(work.toAbsolutePath(), freePort());
        proxy.start();
        return proxy;
    }

    /** {@link #start(Path)} for a static field initialiser: a failure to start is an unchecked one. */
    public static S3Proxy startForTests(Path work) {
        try {
            return start(work);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts (again) on the same port and data. */
    public void start() throws IOException, InterruptedException {
        Path blobs = work.resolve("blobs");
        Files.createDirectories(blobs);
        Properties conf = new Properties();
        conf.setProperty("s3proxy.endpoint", endpoint().toString());
        conf.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        conf.setProperty("s3proxy.identity", ACCESS_KEY);
        conf.setProperty("s3proxy.credential", SECRET_KEY);
        conf.setProperty("jclouds.provider", "filesystem");
        conf.setProperty("jclouds.filesystem.basedir", blobs.toString());
        Path file = work.resolve("s3proxy.conf");
        try (Writer out = Files.newBufferedWriter(file)) {
            conf.store(out, "written by S3Proxy for the tests");
        }
        String jar = System.getProperty("glance.test.s3proxy.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("s3proxy jar not found (system property glance.test.s3proxy.jar: " + jar
                    + "); the build copies it into target/");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--properties", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("s3proxy.log").toFile()));
        // s3proxy's own logback configuration reads LOG_LEVEL; at its default it logs every request.
        builder.environment().put("LOG_LEVEL", "warn");
        process = builder.start();
        awaitAnswer();
    }

    /** Kills the server, as an outage would. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A plain S3 client of this server, for writing past the driver. */
    public software.amazon.awssdk.services.s3.S3Client client() {
        return software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
                .build();
    }

    /** A store's options in glance_store's names, for a bucket on this server. */
    public Map<String, String> storeOptions(String bucket) {
        Map<String, String> options = new HashMap<>();
        options.put("s3_store_host", endpoint().toString());
        options.put("s3_store_access_key", ACCESS_KEY);
        options.put("s3_store_secret_key", SECRET_KEY);
        options.put("s3_store_bucket", bucket);
        options.put("s3_store_create_bucket_on_put", "true");
        return options;
    }

    /**
     * Every file kept for a bucket: objects, and any part of an unfinished multipart upload. A PUT whose client
     * gave up shows for a moment as a {@code <key>-<random>} file while s3proxy drops it; such names get a few
     * seconds to go before they are counted.
     */
    public long filesIn(String bucket) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<Path> files = files(bucket);
            boolean settling = files.stream().anyMatch(f -> !IMAGE_ID.matcher(f.getFileName().toString()).matches());
            if (!settling || System.nanoTime() > deadline) {
                return files.size();
            }
            Thread.sleep(100);
        }
    }

    private List<Path> files(String bucket) throws IOException {
        Path dir = work.resolve("blobs").resolve(bucket);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("s3proxy exited with " + process.exitValue() + "; see " + work.resolve("s3proxy.log"));
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("s3proxy did not answer within 60 s", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
