package org.glancejee.store.swift;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Logs in to Swift and remembers the token and storage URL until Swift refuses the token: tempauth's v1.0
 * ({@code X-Auth-User}/{@code X-Auth-Key}) or Keystone v3 password authentication scoped to the project,
 * the storage URL then taken from the catalog's object-store endpoint.
 */
final class SwiftAuth {
    /** A token and the account URL it is valid for. */
    record Session(String token, URI storageUrl) {
    }

    private final SwiftStoreSettings settings;
    private final HttpClient http;
    private final Duration timeout;
    private volatile Session session;

    SwiftAuth(SwiftStoreSettings settings, HttpClient http, Duration timeout) {
        this.settings = settings;
        this.http = http;
        this.timeout = timeout;
    }

    Session session() throws IOException {
        Session current = session;
        return current != null ? current : renew(null);
    }

    /** Logs in again unless another thread already replaced {@code rejected}. */
    synchronized Session renew(Session rejected) throws IOException {
        if (session != null && session != rejected) {
            return session;
        }
        Session fresh = settings.authVersion().equals("1") ? tempauth() : keystone();
        session = settings.endpoint().map(url -> new Session(fresh.token(), url)).orElse(fresh);
        return session;
    }

    private Session tempauth() throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(settings.authAddress())
                .header("X-Auth-User", settings.user())
                .header("X-Auth-Key", settings.key())
                .GET());
        Optional<String> token = response.headers().firstValue("X-Auth-Token");
        Optional<String> url = response.headers().firstValue("X-Storage-Url");
        if (response.statusCode() / 100 != 2 || token.isEmpty() || url.isEmpty()) {
            throw new IOException("Swift authentication failed: HTTP " + response.statusCode());
        }
        return new Session(token.get(), URI.create(url.get()));
    }

    private Session keystone() throws IOException {
        String body = Json.createObjectBuilder().add("auth", Json.createObjectBuilder()
                .add("identity", Json.createObjectBuilder()
                        .add("methods", Json.createArrayBuilder().add("password"))
                        .add("password", Json.createObjectBuilder().add("user", Json.createObjectBuilder()
                                .add("name", settings.user())
                                .add("domain", Json.createObjectBuilder().add("name", settings.userDomainName()))
                                .add("password", settings.key()))))
                .add("scope", Json.createObjectBuilder().add("project", Json.createObjectBuilder()
                        .add("name", settings.projectName())
                        .add("domain", Json.createObjectBuilder().add("name", settings.projectDomainName())))))
                .build().toString();
        URI tokens = URI.create(settings.authAddress().toString().replaceAll("/+$", "") + "/auth/tokens");
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokens)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Optional<String> token = response.headers().firstValue("X-Subject-Token");
        if (response.statusCode() != 201 || token.isEmpty()) {
            throw new IOException("Keystone authentication for Swift failed: HTTP " + response.statusCode());
        }
        if (settings.endpoint().isPresent()) {
            return new Session(token.get(), settings.endpoint().get());
        }
        try {
            return new Session(token.get(), storageUrl(response.body()));
        } catch (RuntimeException e) {
            throw new IOException("Swift's endpoint not found: " + e.getMessage(), e);
        }
    }

    /** The object-store endpoint of the wanted interface (and region) in the token's catalog. */
    private URI storageUrl(String tokenBody) {
        JsonObject token;
        try (JsonReader reader = Json.createReader(new StringReader(tokenBody))) {
            token = reader.readObject().getJsonObject("token");
        }
        JsonArray catalog = token.getJsonArray("catalog");
        for (JsonObject service : catalog == null ? JsonArray.EMPTY_JSON_ARRAY.getValuesAs(JsonObject.class)
                : catalog.getValuesAs(JsonObject.class)) {
            if (!settings.serviceType().equals(service.getString("type", ""))) {
                continue;
            }
            for (JsonObject endpoint : service.getJsonArray("endpoints").getValuesAs(JsonObject.class)) {
                boolean interfaceMatches = settings.endpointInterface().equals(endpoint.getString("interface", ""));
                boolean regionMatches = settings.region().map(r -> r.equals(endpoint.getString("region_id",
                        endpoint.getString("region", "")))).orElse(true);
                if (interfaceMatches && regionMatches) {
                    return URI.create(endpoint.getString("url"));
                }
            }
        }
        throw new IllegalStateException("No " + settings.endpointInterface() + " " + settings.serviceType()
                + " endpoint in the Keystone catalog");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while authenticating to Swift", e);
        }
    }
}
