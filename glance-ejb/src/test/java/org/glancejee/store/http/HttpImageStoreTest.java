package org.glancejee.store.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.ImageStoreReadContractTest;
import org.glancejee.store.spi.ReadOnlyStoreException;
import org.glancejee.store.spi.StoreCapability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read-only http store against a web server on loopback: the store contract's reading half (whole data,
 * ranges, size, missing data, probe), ranges from a server that ignores Range too, and that it never writes
 * nor deletes.
 */
class HttpImageStoreTest extends ImageStoreReadContractTest {
    private static final byte[] DATA = new byte[300_000];
    /** What the web server serves besides DATA, by name, for the contract's tests. */
    private static final Map<String, byte[]> PLACED = new ConcurrentHashMap<>();
    private static HttpServer web;
    private static String base;

    @Override
    protected ImageStore newStore() {
        return new HttpImageStore("web", Duration.ofSeconds(5));
    }

    @Override
    protected String placeData(byte[] data) {
        String name = UUID.randomUUID().toString();
        PLACED.put(name, data);
        return base + "/ranges/" + name;
    }

    @Override
    protected String missingLocation() {
        return base + "/ranges/missing";
    }

    @BeforeAll
    static void startWeb() throws IOException {
        new Random(41).nextBytes(DATA);
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/ranges", exchange -> serve(exchange, true));
        web.createContext("/plain", exchange -> serve(exchange, false));
        web.start();
        base = "http://127.0.0.1:" + web.getAddress().getPort();
    }

    @AfterAll
    static void stopWeb() {
        web.stop(0);
    }

    private static void serve(HttpExchange exchange, boolean honoursRange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/missing")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
        String name = exchange.getRequestURI().getPath().substring(exchange.getRequestURI().getPath().lastIndexOf('/') + 1);
        byte[] data = PLACED.getOrDefault(name, DATA);
        byte[] body = data;
        int status = 200;
        if (honoursRange && m != null && m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2).isEmpty() ? data.length - 1 : Integer.parseInt(m.group(2));
            body = Arrays.copyOfRange(data, first, last + 1);
            status = 206;
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    @Test
    void servesRangesWhetherOrNotTheServerHonoursThem() throws Exception {
        for (String path : new String[] {"/ranges/image", "/plain/image"}) {
            try (InputStream in = store.open(base + path, 1000, 500)) {
                assertArrayEquals(Arrays.copyOfRange(DATA, 1000, 1500), in.readAllBytes(), path);
            }
            try (InputStream in = store.open(base + path, DATA.length - 10, -1)) {
                assertArrayEquals(Arrays.copyOfRange(DATA, DATA.length - 10, DATA.length), in.readAllBytes(), path);
            }
        }
    }

    @Test
    void neverWritesNorDeletes() throws Exception {
        assertThrows(ReadOnlyStoreException.class,
                () -> store.add("11111111-2222-3333-4444-555555555555", new ByteArrayInputStream(new byte[1]), 1));
        store.delete(base + "/ranges/image");
        try (InputStream in = store.open(base + "/ranges/image", 0, -1)) {
            assertEquals(DATA.length, in.readAllBytes().length, "deleting only forgets the URL");
        }
        assertFalse(store.capabilities().contains(StoreCapability.WRITE));
    }

    @Test
    void ownsHttpUrlsOnly() {
        assertTrue(store.owns(base + "/ranges/image"));
        assertTrue(store.owns("https://images.example.com/x.qcow2"));
        assertFalse(store.owns("ftp://images.example.com/x"));
        assertFalse(store.owns("s3://127.0.0.1/bucket/x"));
        assertFalse(store.owns("not a url"));
    }
}
