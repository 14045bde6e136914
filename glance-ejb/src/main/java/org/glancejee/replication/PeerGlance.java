package org.glancejee.replication;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.glancejee.config.ReplicationSettings.Target;
import org.glancejee.identity.KeystoneClient;
import org.glancejee.identity.ServiceToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Another image service speaking the Images API v2 (Glance, or another server of ours), as the replicator
 * uses it: list, show, create with a given id, upload, patch, delete. Authenticates with a fixed token, a
 * Keystone login (renewed when refused), or not at all (a noauth peer).
 */
public class PeerGlance {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PAGE = 200;

    private final Target target;
    private final HttpClient http;
    private final Optional<ServiceToken> keystone;

    /** What a peer answered when it was not what the replicator asked for. */
    public static class PeerException extends IOException {
        private final int status;

        PeerException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public PeerGlance(Target target) {
        this.target = target;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.keystone = target.keystone().map(login -> new ServiceToken(new KeystoneClient(login.authUrl(),
                login.username(), login.password(), login.userDomainName(), login.projectName(),
                login.projectDomainName(), Duration.ofSeconds(30)), Clock.systemUTC()));
    }

    public String name() {
        return target.name();
    }

    /** Every image the peer shows its caller (an admin sees them all), hidden ones included, by id. */
    public Map<String, ReplicaView> images() throws IOException {
        Map<String, ReplicaView> images = new LinkedHashMap<>();
        for (String first : new String[] {"/v2/images?limit=" + PAGE, "/v2/images?os_hidden=true&limit=" + PAGE}) {
            String next = first;
            while (next != null) {
                JsonObject page = json(send(request(next).GET(), 200));
                page.getJsonArray("images").forEach(i -> {
                    ReplicaView image = ReplicaView.of(i.asJsonObject());
                    images.put(image.id(), image);
                });
                next = page.containsKey("next") ? page.getString("next") : null;
            }
        }
        return images;
    }

    public Optional<ReplicaView> show(String id) throws IOException {
        HttpResponse<String> response = exchange(request("/v2/images/" + encode(id)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(ReplicaView.of(json(expect(response, 200))));
    }

    public void create(JsonObject body) throws IOException {
        send(request("/v2/images").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 201);
    }

    /** Streams {@code size} bytes into a queued image's data (not sent twice: a refusal waits for the next run). */
    public void upload(String id, InputStream data, long size) throws IOException {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> data), size);
        expect(sendWith(request("/v2/images/" + encode(id) + "/file")
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofHours(6)).PUT(body),
                token(false)), 204);
    }

    public void patch(String id, JsonArray operations) throws IOException {
        send(request("/v2/images/" + encode(id))
                .header("Content-Type", "application/openstack-images-v2.1-json-patch")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(operations.toString())), 200);
    }

    public void delete(String id) throws IOException {
        HttpResponse<String> response = exchange(request("/v2/images/" + encode(id)).DELETE());
        if (response.statusCode() != 404) {
            expect(response, 204);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(target.url() + pathAndQuery)).timeout(TIMEOUT)
                .header("Accept", "application/json");
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException {
        return expect(exchange(request), expected);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> response = sendWith(request, token(false));
        if (response.statusCode() == 401 && keystone.isPresent()) {
            response = sendWith(request, token(true));
        }
        return response;
    }

    private HttpResponse<String> sendWith(HttpRequest.Builder request, Optional<String> token) throws IOException {
        HttpRequest.Builder copy = request.copy();
        token.ifPresent(t -> copy.setHeader("X-Auth-Token", t));
        try {
            return http.send(copy.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Optional<String> token(boolean renew) {
        return keystone.map(k -> k.id(renew)).or(target::token);
    }

    private String expect(HttpResponse<String> response, int expected) throws PeerException {
        if (response.statusCode() != expected) {
            throw new PeerException(response.statusCode(), response.request().method() + " "
                    + response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return response.body();
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
