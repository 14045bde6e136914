package org.glancejee.imports.web;

import com.sun.net.httpserver.HttpServer;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a real HTTP server on loopback, which the filtering allows by host and port. */
class WebDownloaderTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;
    private final List<String> requests = new ArrayList<>();
    private final byte[] image = new byte[5 * 1024 * 1024 + 77];

    @BeforeEach
    void start() throws IOException {
        new Random(7).nextBytes(image);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(path);
            }
            switch (path) {
                case "/image.raw" -> {
                    exchange.sendResponseHeaders(200, image.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(image);
                    }
                }
                case "/chunked.raw" -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(image);
                    }
                }
                case "/moved" -> redirect(exchange, base + "/image.raw");
                case "/to-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data");
                case "/to-other-port" -> redirect(exchange, "http://127.0.0.1:1/image.raw");
                case "/loop" -> redirect(exchange, "/loop");
                case "/stall" -> {
                    exchange.sendResponseHeaders(200, image.length);
                    exchange.getResponseBody().write(image, 0, 1000);
                    exchange.getResponseBody().flush();
                    sleep(3000);
                    exchange.close();
                }
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebDownloader downloader() {
        return new WebDownloader(new ImportUriPolicy(List.of("http"), List.of(), List.of("127.0.0.1"), List.of(),
                List.of(server.getAddress().getPort()), List.of(), InetAddress::getAllByName),
                Duration.ofSeconds(5), Duration.ofMillis(500));
    }

    @Test
    void downloadsTheBytesExactlyWithOrWithoutALength() throws IOException {
        for (String path : List.of("/image.raw", "/chunked.raw")) {
            Path target = tmp.resolve(path.substring(1));
            AtomicLong progress = new AtomicLong();
            long size = downloader().download(base + path, target, 1L << 30, progress::set);
            assertEquals(image.length, size);
            assertArrayEquals(image, Files.readAllBytes(target));
            assertEquals(image.length, progress.get());
        }
    }

    @Test
    void followsARedirectToAnAllowedPlace() throws IOException {
        Path target = tmp.resolve("moved");
        downloader().download(base + "/moved", target, 1L << 30, n -> { });
        assertArrayEquals(image, Files.readAllBytes(target));
        assertEquals(List.of("/moved", "/image.raw"), requests);
    }

    @Test
    void aRedirectToAForbiddenPlaceIsRefusedBeforeConnecting() {
        for (String path : List.of("/to-metadata", "/to-other-port")) {
            Path target = tmp.resolve(path.substring(1));
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> downloader().download(base + path, target, 1L << 30, n -> { }));
            assertTrue(refused.getMessage().contains("does not pass filtering"), refused.getMessage());
            assertFalse(Files.exists(target));
        }
    }

    @Test
    void endlessRedirectsStop() {
        assertThrows(InvalidInputException.class,
                () -> downloader().download(base + "/loop", tmp.resolve("loop"), 1L << 30, n -> { }));
        assertEquals(6, requests.size(), requests.toString());
    }

    @Test
    void tooMuchDataIsRefusedAndNothingIsLeft() {
        for (String path : List.of("/image.raw", "/chunked.raw")) {
            Path target = tmp.resolve("big" + path.substring(1));
            assertThrows(LimitExceededException.class,
                    () -> downloader().download(base + path, target, 1024 * 1024, n -> { }));
            assertFalse(Files.exists(target), path);
        }
    }

    @Test
    void anErrorStatusOrAStalledServerFailsAndLeavesNothing() {
        Path missing = tmp.resolve("missing");
        InvalidInputException notFound = assertThrows(InvalidInputException.class,
                () -> downloader().download(base + "/missing", missing, 1L << 30, n -> { }));
        assertTrue(notFound.getMessage().contains("404"), notFound.getMessage());
        assertFalse(Files.exists(missing));

        Path stalled = tmp.resolve("stalled");
        assertThrows(SocketTimeoutException.class,
                () -> downloader().download(base + "/stall", stalled, 1L << 30, n -> { }));
        assertFalse(Files.exists(stalled));
    }

    @Test
    void aRefusedUriIsNeverFetched() {
        assertThrows(InvalidInputException.class, () -> downloader().download("http://localhost:"
                + server.getAddress().getPort() + "/image.raw", tmp.resolve("x"), 1L << 30, n -> { }));
        assertEquals(List.of(), requests);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
