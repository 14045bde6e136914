package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A thin HTTP client for the API tests: raw requests and responses, JSON helpers, nothing hidden. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public static final String PATCH_V21 = "application/openstack-images-v2.1-json-patch";
    public static final String PATCH_V20 = "application/openstack-images-v2.0-json-patch";

    private Api() {
    }

    public static HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public static HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public static HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> put(String path, String body, String... headers) {
        return send(request(path, headers).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static HttpResponse<String> patch(String path, String contentType, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> method(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public static HttpResponse<String> methodWithBody(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonArray jsonArray(HttpResponse<String> response, String member) {
        return json(response).getJsonArray(member);
    }

    /** Creates an image from a JSON body, insisting on 201, and returns its view. */
    public static JsonObject createImage(String json) {
        HttpResponse<String> response = post("/v2/images", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    private static HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(GlanceServer.baseUri() + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
