package org.glancejee.store.http;

import org.glancejee.store.spi.BoundedInputStream;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.ReadOnlyStoreException;
import org.glancejee.store.spi.StoreCapability;
import org.glancejee.store.spi.StoredData;
import org.glancejee.store.spi.StoredDataNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * glance_store's read-only http store: images whose data lives at an http(s) URL somebody else serves.
 * Nothing is ever written or deleted there; removing such a location only forgets the URL.
 */
public class HttpImageStore implements ImageStore {
    private final String id;
    private final HttpClient client;
    private final Duration timeout;

    public HttpImageStore(String id, Duration timeout) {
        this.id = id;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "http";
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return EnumSet.of(StoreCapability.READ, StoreCapability.RANDOM_ACCESS);
    }

    @Override
    public StoredData add(String imageId, InputStream data, long expectedSize) throws IOException {
        throw new ReadOnlyStoreException(id);
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(location)).timeout(timeout).GET();
        if (offset > 0 || length >= 0) {
            request.header("Range", "bytes=" + offset + "-" + (length >= 0 ? offset + length - 1 : ""));
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening " + location, e);
        }
        int status = response.statusCode();
        InputStream body = response.body();
        if (status == 404 || status == 410) {
            body.close();
            throw new StoredDataNotFoundException(location);
        }
        if (status == 206) {
            return body;
        }
        if (status != 200) {
            body.close();
            throw new IOException("HTTP " + status + " from the image's URL");
        }
        // The server ignored the range: skip to it and stop at its end ourselves.
        body.skipNBytes(offset);
        return length < 0 ? body : new BoundedInputStream(body, length);
    }

    /** The Content-Length a HEAD request announces, or the bytes counted when the server does not say. */
    @Override
    public long size(String location) throws IOException {
        HttpResponse<Void> head;
        try {
            head = client.send(HttpRequest.newBuilder(URI.create(location)).timeout(timeout)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the size of " + location, e);
        }
        if (head.statusCode() == 404 || head.statusCode() == 410) {
            throw new StoredDataNotFoundException(location);
        }
        if (head.statusCode() != 200) {
            throw new IOException("HTTP " + head.statusCode() + " from the image's URL");
        }
        java.util.OptionalLong length = head.headers().firstValueAsLong("Content-Length");
        return length.isPresent() ? length.getAsLong() : ImageStore.super.size(location);
    }

    @Override
    public void delete(String location) {
        // The data belongs to whoever serves the URL.
    }

    @Override
    public void removeRemainsOf(String imageId) {
        // Nothing is ever written here.
    }

    @Override
    public boolean owns(String location) {
        if (location == null) {
            return false;
        }
        try {
            URI uri = new URI(location);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Override
    public void probe() {
        // Each location is its own server; there is nothing to probe as a whole.
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of();
    }
}
