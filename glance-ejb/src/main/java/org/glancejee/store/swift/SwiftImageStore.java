package org.glancejee.store.swift;

import org.glancejee.store.spi.BoundedInputStream;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoreCapability;
import org.glancejee.store.spi.StoredData;
import org.glancejee.store.spi.StoredDataNotFoundException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each image as an object named by the image id in one container of one account (glance_store's
 * single-tenant mode). Data of unknown size, or larger than {@code swift_store_large_object_size}, goes as
 * segments {@code <id>-00001...} streamed one after the other and a static large object manifest; a failed
 * write deletes what it wrote. Locations are {@code swift+http(s)://<auth host>/<container>/<id>}, without
 * the user and key glance_store puts in them.
 */
public class SwiftImageStore implements ImageStore {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration PROBE = Duration.ofSeconds(5);
    /** How long Swift may take to start answering one request; the body itself streams untimed. */
    private static final Duration ANSWER = Duration.ofMinutes(2);

    private final String id;
    private final SwiftStoreSettings settings;
    private final HttpClient http;
    private final SwiftAuth auth;
    private final String prefix;
    private volatile boolean containerReady;

    public SwiftImageStore(String id, SwiftStoreSettings settings) {
        this.id = id;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).version(HttpClient.Version.HTTP_1_1).build();
        this.auth = new SwiftAuth(settings, http, ANSWER);
        URI address = settings.authAddress();
        String port = address.getPort() < 0 ? "" : ":" + address.getPort();
        this.prefix = "swift+" + address.getScheme() + "://" + address.getHost() + port + "/" + settings.container() + "/";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "swift";
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return EnumSet.allOf(StoreCapability.class);
    }

    @Override
    public StoredData add(String imageId, InputStream data, long expectedSize) throws IOException {
        ensureContainer();
        long size;
        if (expectedSize >= 0 && expectedSize < settings.largeObjectSize()) {
            size = putWhole(imageId, data, expectedSize);
        } else {
            size = putSegmented(imageId, data);
        }
        return new StoredData(prefix + imageId, size);
    }

    /** One PUT of the announced size; bytes beyond it are counted, not stored, so the caller sees the mismatch. */
    private long putWhole(String name, InputStream data, long size) throws IOException {
        HttpResponse<Void> response = put(name, "", new CountingStream(new BoundedInputStream(data, size)), size);
        if (response.statusCode() != 201) {
            delete(prefix + name);
            throw new IOException("Swift refused the object: HTTP " + response.statusCode());
        }
        return size + data.transferTo(OutputStream.nullOutputStream());
    }

    private long putSegmented(String name, InputStream data) throws IOException {
        List<String> written = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("[");
        long total = 0;
        try {
            while (true) {
                String segment = name + String.format("-%05d", written.size() + 1);
                CountingStream part = new CountingStream(new BoundedInputStream(data, settings.largeObjectChunkSize()));
                written.add(segment);
                HttpResponse<Void> response = put(segment, "", part, -1);
                if (response.statusCode() != 201) {
                    throw new IOException("Swift refused a segment: HTTP " + response.statusCode());
                }
                if (part.count == 0) {
                    // The data ended on a segment boundary (or was empty): drop the empty segment.
                    deleteObject(segment, "");
                    written.remove(written.size() - 1);
                    break;
                }
                manifest.append(manifest.length() > 1 ? "," : "").append("{\"path\": \"/")
                        .append(settings.container()).append('/').append(segment).append("\", \"etag\": \"")
                        .append(response.headers().firstValue("Etag").orElse("")).append("\", \"size_bytes\": ")
                        .append(part.count).append('}');
                total += part.count;
                if (part.count < settings.largeObjectChunkSize()) {
                    break;
                }
            }
            if (written.isEmpty()) {
                return putWhole(name, InputStream.nullInputStream(), 0);
            }
            byte[] body = manifest.append(']').toString().getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = put(name, "?multipart-manifest=put",
                    new java.io.ByteArrayInputStream(body), body.length);
            if (response.statusCode() != 201) {
                throw new IOException("Swift refused the large object manifest: HTTP " + response.statusCode());
            }
            return total;
        } catch (IOException | RuntimeException e) {
            for (String segment : written) {
                try {
                    deleteObject(segment, "");
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
    }

    private HttpResponse<Void> put(String name, String query, InputStream body, long length) throws IOException {
        SwiftAuth.Session session = auth.session();
        HttpRequest.BodyPublisher publisher = length < 0
                ? HttpRequest.BodyPublishers.ofInputStream(() -> body)
                : length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length);
        HttpResponse<Void> response = send(HttpRequest.newBuilder(object(session, name, query))
                .header("X-Auth-Token", session.token()).timeout(ANSWER).PUT(publisher), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 401) {
            // The body is spent: renew the token for the next request and let this one fail.
            auth.renew(session);
            throw new IOException("Swift refused the token during a write");
        }
        return response;
    }

    private void ensureContainer() throws IOException {
        if (containerReady) {
            return;
        }
        int status = replayable("HEAD", containerPath(), PROBE).statusCode();
        if (status == 404) {
            if (!settings.createContainerOnPut()) {
                throw new IOException("Container " + settings.container() + " does not exist and"
                        + " swift_store_create_container_on_put is false");
            }
            status = replayable("PUT", containerPath(), ANSWER).statusCode();
        }
        if (status / 100 != 2) {
            throw new IOException("Swift container " + settings.container() + " answered HTTP " + status);
        }
        containerReady = true;
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        String name = nameOf(location);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        for (int attempt = 0; ; attempt++) {
            SwiftAuth.Session session = auth.session();
            HttpRequest.Builder request = HttpRequest.newBuilder(object(session, name, ""))
                    .header("X-Auth-Token", session.token()).timeout(ANSWER).GET();
            if (offset > 0 || length > 0) {
                request.header("Range", "bytes=" + offset + "-" + (length > 0 ? String.valueOf(offset + length - 1) : ""));
            }
            HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 200 || status == 206) {
                return response.body();
            }
            response.body().close();
            if (status == 401 && attempt == 0) {
                auth.renew(session);
                continue;
            }
            if (status == 404) {
                throw new StoredDataNotFoundException(location);
            }
            throw new IOException("Swift answered HTTP " + status + " to a read");
        }
    }

    @Override
    public long size(String location) throws IOException {
        HttpResponse<Void> head = replayable("HEAD", objectPath(nameOf(location), ""), ANSWER);
        if (head.statusCode() == 404) {
            throw new StoredDataNotFoundException(location);
        }
        if (head.statusCode() / 100 != 2) {
            throw new IOException("Swift answered HTTP " + head.statusCode() + " to a HEAD");
        }
        return head.headers().firstValueAsLong("Content-Length").orElseThrow(() ->
                new IOException("Swift did not say the object's size"));
    }

    @Override
    public void delete(String location) throws IOException {
        String name = nameOf(location);
        HttpResponse<Void> head = replayable("HEAD", objectPath(name, ""), ANSWER);
        if (head.statusCode() == 404) {
            return;
        }
        boolean largeObject = head.headers().firstValue("X-Static-Large-Object")
                .map(Boolean::parseBoolean).orElse(false);
        // A large object's manifest is deleted with its segments only when asked; a plain object refuses the ask.
        deleteObject(name, largeObject ? "?multipart-manifest=delete" : "");
    }

    @Override
    public void removeRemainsOf(String imageId) throws IOException {
        // Segments first: a manifest without them is harmless, segments without a manifest are not found again.
        for (String segment : namesStartingWith(imageId + "-")) {
            if (segment.matches(java.util.regex.Pattern.quote(imageId) + "-\\d{5}")) {
                deleteObject(segment, "");
            }
        }
        deleteObject(imageId, "");
    }

    /** The names in the container that start with {@code prefix} (none when there is no container). */
    private List<String> namesStartingWith(String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            SwiftAuth.Session session = auth.session();
            HttpResponse<String> listing = send(HttpRequest.newBuilder(URI.create(session.storageUrl()
                            + containerPath() + "?prefix=" + encode(prefix)))
                    .header("X-Auth-Token", session.token()).timeout(ANSWER).GET(),
                    HttpResponse.BodyHandlers.ofString());
            if (listing.statusCode() == 401 && attempt == 0) {
                auth.renew(session);
                continue;
            }
            if (listing.statusCode() == 404 || listing.statusCode() == 204) {
                return List.of();
            }
            if (listing.statusCode() / 100 != 2) {
                throw new IOException("Swift answered HTTP " + listing.statusCode() + " to a listing");
            }
            return listing.body().lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private void deleteObject(String name, String query) throws IOException {
        int status = replayable("DELETE", objectPath(name, query), ANSWER).statusCode();
        if (status / 100 != 2 && status != 404) {
            throw new IOException("Swift answered HTTP " + status + " to a delete");
        }
    }

    @Override
    public boolean owns(String location) {
        try {
            nameOf(location);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void probe() throws IOException {
        int status = replayable("HEAD", containerPath(), PROBE).statusCode();
        if (status / 100 != 2 && !(status == 404 && settings.createContainerOnPut())) {
            throw new IOException("Swift container " + settings.container() + " answered HTTP " + status);
        }
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("container", settings.container(),
                "large_object_size", settings.largeObjectSize() >> 20,
                "large_object_chunk_size", settings.largeObjectChunkSize() >> 20);
    }

    /** A request without a body, sent again once with a new token if Swift refuses the old one. */
    private HttpResponse<Void> replayable(String method, String path, Duration timeout) throws IOException {
        for (int attempt = 0; ; attempt++) {
            SwiftAuth.Session session = auth.session();
            HttpResponse<Void> response = send(HttpRequest.newBuilder(URI.create(session.storageUrl() + path))
                    .header("X-Auth-Token", session.token()).timeout(timeout)
                    .method(method, HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 401 || attempt > 0) {
                return response;
            }
            auth.renew(session);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return http.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to Swift", e);
        }
    }

    private String containerPath() {
        return "/" + encode(settings.container());
    }

    private String objectPath(String name, String query) {
        return containerPath() + "/" + encode(name) + query;
    }

    private URI object(SwiftAuth.Session session, String name, String query) {
        return URI.create(session.storageUrl() + objectPath(name, query));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The object name of one of this store's locations; anything else is refused. */
    private String nameOf(String location) {
        if (location == null || !location.startsWith(prefix) || location.length() == prefix.length()
                || location.indexOf('/', prefix.length()) >= 0) {
            throw new IllegalArgumentException("not a location of store " + id);
        }
        return location.substring(prefix.length());
    }

    /**
     * Counts what passes, to learn a segment's length once it is sent. Closing it leaves the caller's stream
     * open: the HTTP client closes a body it has sent, and the next segment reads on.
     */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // The caller's stream stays open.
        }
    }
}
