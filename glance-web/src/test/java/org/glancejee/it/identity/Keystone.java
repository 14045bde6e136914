package org.glancejee.it.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small client of the test Keystone's identity API v3, for tests and the harness: tokens by password,
 * validation, revocation, project lookup, the image endpoint in the catalog and the image service's unified
 * limits. Requests go as HTTP/1.1
 * (Keystone runs under uwsgi's plain HTTP socket). What Keystone answers is passed on as is where a test may
 * want to see a refusal ({@link #authenticate}, {@link #validate}); elsewhere anything unexpected is an
 * {@link AssertionError} naming the request and Keystone's answer.
 */
public final class Keystone {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Fixtures fixtures;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String adminToken;
    private String systemAdminToken;

    public Keystone(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /**
     * A token as Keystone issued it: the id (the {@code X-Subject-Token} header) and the body's
     * {@code token} object.
     */
    public record Token(String id, JsonObject body) {

        public String userId() {
            return body.getJsonObject("user").getString("id");
        }

        public String userName() {
            return body.getJsonObject("user").getString("name");
        }

        /** The project the token is scoped to; null for an unscoped or domain-scoped token. */
        public String projectId() {
            return body.containsKey("project") ? body.getJsonObject("project").getString("id") : null;
        }

        public String projectName() {
            return body.containsKey("project") ? body.getJsonObject("project").getString("name") : null;
        }

        /** The names of the token's roles, implied roles included. */
        public Set<String> roles() {
            return body.getJsonArray("roles").getValuesAs(JsonObject.class).stream()
                    .map(role -> role.getString("name")).collect(Collectors.toSet());
        }

        /** The token body of a validation's response ({@code GET /v3/auth/tokens}, 200). */
        public static Token of(String id, HttpResponse<String> response) {
            return new Token(id, json(response).getJsonObject("token"));
        }
    }

    /** A token for a fixture user, scoped to its project. */
    public Token token(String fixtureUser) {
        Fixtures.User user = fixtures.user(fixtureUser);
        return token(user.name(), user.password(), user.projectName());
    }

    /** A token by password for a user of domain Default, scoped to a project of domain Default. */
    public Token token(String userName, String password, String projectName) {
        return issued(authenticate(userName, password, projectName));
    }

    /**
     * A token for a fixture user scoped to the whole system ({@code "system": {"all": true}}), which Keystone
     * issues to users with a role on the system (admin, and glance as reader).
     */
    public Token systemToken(String fixtureUser) {
        Fixtures.User user = fixtures.user(fixtureUser);
        return issued(authenticate(user.name(), user.password(), Json.createObjectBuilder()
                .add("system", Json.createObjectBuilder().add("all", true))));
    }

    /** {@code POST /v3/auth/tokens} with the password method and a project scope, whatever the answer. */
    public HttpResponse<String> authenticate(String userName, String password, String projectName) {
        return authenticate(userName, password, Json.createObjectBuilder().add("project", Json.createObjectBuilder()
                .add("name", projectName)
                .add("domain", Json.createObjectBuilder().add("name", fixtures.projectDomainName()))));
    }

    private HttpResponse<String> authenticate(String userName, String password, JsonObjectBuilder scope) {
        JsonObject body = Json.createObjectBuilder().add("auth", Json.createObjectBuilder()
                .add("identity", Json.createObjectBuilder()
                        .add("methods", Json.createArrayBuilder().add("password"))
                        .add("password", Json.createObjectBuilder().add("user", Json.createObjectBuilder()
                                .add("name", userName)
                                .add("domain", Json.createObjectBuilder().add("name", fixtures.userDomainName()))
                                .add("password", password))))
                .add("scope", scope))
                .build();
        return send("POST", "/auth/tokens", null, body.toString());
    }

    private static Token issued(HttpResponse<String> response) {
        expect(response, 201);
        String id = response.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new AssertionError("no X-Subject-Token: " + describe(response)));
        return new Token(id, json(response).getJsonObject("token"));
    }

    /**
     * {@code GET /v3/auth/tokens}: what Keystone says about {@code subjectToken} to the holder of
     * {@code authToken} (200 with the token body, 404 when it is revoked or expired, 403 when the holder may
     * not validate other users' tokens, 401 when {@code authToken} is no good).
     */
    public HttpResponse<String> validate(String authToken, String subjectToken) {
        return send("GET", "/auth/tokens", authToken, null, "X-Subject-Token", subjectToken);
    }

    /** Revokes a token, as admin ({@code DELETE /v3/auth/tokens}, 204). */
    public void revoke(String token) {
        asAdmin("DELETE", "/auth/tokens", null, 204, "X-Subject-Token", token);
    }

    /** The id of a project of domain Default, looked up by name. */
    public String projectId(String name) {
        List<JsonObject> projects = json(asAdmin("GET", "/projects?domain_id=default&name=" + query(name), null, 200))
                .getJsonArray("projects").getValuesAs(JsonObject.class);
        if (projects.size() != 1) {
            throw new AssertionError(projects.size() + " projects named " + name + ": " + projects);
        }
        return projects.get(0).getString("id");
    }

    /**
     * Makes {@code url} the one endpoint of the {@code image} service (created when missing): public, in the
     * fixtures' region. Endpoints registered before, of any interface, go. Clients that authenticate with a
     * password (openstack, glance without --os-image-url) find the image API there in the token's catalog.
     */
    public void registerImageEndpoint(URI url) {
        List<JsonObject> services = json(asAdmin("GET", "/services?type=image", null, 200))
                .getJsonArray("services").getValuesAs(JsonObject.class);
        String serviceId;
        if (services.isEmpty()) {
            JsonObject service = Json.createObjectBuilder().add("service", Json.createObjectBuilder()
                    .add("type", "image").add("name", "glance")
                    .add("description", "glance-jee under test")).build();
            serviceId = json(asAdmin("POST", "/services", service.toString(), 201)).getJsonObject("service")
                    .getString("id");
        } else {
            serviceId = services.get(0).getString("id");
            for (JsonObject extra : services.subList(1, services.size())) {
                asAdmin("DELETE", "/services/" + extra.getString("id"), null, 204);
            }
        }
        for (JsonObject old : json(asAdmin("GET", "/endpoints?service_id=" + serviceId, null, 200))
                .getJsonArray("endpoints").getValuesAs(JsonObject.class)) {
            asAdmin("DELETE", "/endpoints/" + old.getString("id"), null, 204);
        }
        JsonObject endpoint = Json.createObjectBuilder().add("endpoint", Json.createObjectBuilder()
                .add("service_id", serviceId).add("interface", "public").add("url", url.toString())
                .add("region_id", fixtures.region())).build();
        asAdmin("POST", "/endpoints", endpoint.toString(), 201);
    }

    /** The id of the image service, which {@link #registerImageEndpoint} made the one of its type. */
    public String imageServiceId() {
        List<JsonObject> services = json(asAdmin("GET", "/services?type=image", null, 200))
                .getJsonArray("services").getValuesAs(JsonObject.class);
        if (services.size() != 1) {
            throw new AssertionError(services.size() + " image services (is the shared server up?): " + services);
        }
        return services.get(0).getString("id");
    }

    /** The id of the image service's one endpoint, what Glance's {@code [oslo_limit] endpoint_id} names. */
    public String imageEndpointId() {
        List<JsonObject> endpoints = json(asAdmin("GET", "/endpoints?service_id=" + imageServiceId(), null, 200))
                .getJsonArray("endpoints").getValuesAs(JsonObject.class);
        if (endpoints.size() != 1) {
            throw new AssertionError(endpoints.size() + " image endpoints: " + endpoints);
        }
        return endpoints.get(0).getString("id");
    }

    /**
     * Makes {@code defaultLimit} the registered limit (every project's default) of {@code resource} for the
     * service in the fixtures' region: created when missing ({@code POST /v3/registered_limits}), updated
     * when it differs ({@code PATCH}). Keystone keeps it from run to run, as it keeps everything.
     */
    public void registeredLimit(String serviceId, String resource, long defaultLimit) {
        setLimit("registered_limits", "registered_limit", "default_limit", Map.of("service_id", serviceId,
                "region_id", fixtures.region(), "resource_name", resource), defaultLimit);
    }

    /**
     * Makes {@code limit} the project's own limit of {@code resource} for the service in the fixtures' region,
     * over the registered one, which must exist: created ({@code POST /v3/limits}) or updated ({@code PATCH}).
     */
    public void projectLimit(String serviceId, String projectId, String resource, long limit) {
        setLimit("limits", "limit", "resource_limit", Map.of("service_id", serviceId, "region_id", fixtures.region(),
                "resource_name", resource, "project_id", projectId), limit);
    }

    /**
     * The one limit of {@code collection} with the {@code identity} fields, set to {@code value}. As system
     * admin: Keystone lists a project-scoped token only its own project's limits.
     */
    private void setLimit(String collection, String member, String valueField, Map<String, String> identity,
                          long value) {
        String filter = identity.entrySet().stream().map(e -> e.getKey() + "=" + query(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
        List<JsonObject> found = json(asSystemAdmin("GET", "/" + collection + filter, null, 200))
                .getJsonArray(collection).getValuesAs(JsonObject.class);
        if (found.isEmpty()) {
            JsonObjectBuilder limit = Json.createObjectBuilder().add(valueField, value);
            identity.forEach(limit::add);
            asSystemAdmin("POST", "/" + collection, Json.createObjectBuilder().add(collection,
                    Json.createArrayBuilder().add(limit)).build().toString(), 201);
        } else if (found.get(0).getJsonNumber(valueField).longValueExact() != value) {
            asSystemAdmin("PATCH", "/" + collection + "/" + found.get(0).getString("id"), Json.createObjectBuilder()
                    .add(member, Json.createObjectBuilder().add(valueField, value)).build().toString(), 200);
        }
    }

    /**
     * A request to the identity API (path below /v3) with an admin token scoped to project admin (issued
     * once, again when Keystone no longer takes it), insisting on the expected status.
     */
    public HttpResponse<String> asAdmin(String method, String path, String json, int expected, String... headers) {
        return asAdmin(false, method, path, json, expected, headers);
    }

    /** The same with an admin token scoped to the system. */
    public HttpResponse<String> asSystemAdmin(String method, String path, String json, int expected,
                                              String... headers) {
        return asAdmin(true, method, path, json, expected, headers);
    }

    private HttpResponse<String> asAdmin(boolean system, String method, String path, String json, int expected,
                                         String... headers) {
        HttpResponse<String> response = send(method, path, adminToken(system, false), json, headers);
        if (response.statusCode() == 401) {
            response = send(method, path, adminToken(system, true), json, headers);
        }
        return expect(response, expected);
    }

    /** The response body as a JSON object. */
    public static JsonObject json(HttpResponse<String> response) {
        try {
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + describe(response), e);
        }
    }

    /** The request and the answer, for assertion messages. */
    public static String describe(HttpResponse<String> response) {
        return response.request().method() + " " + response.request().uri() + " -> " + response.statusCode() + " "
                + response.body();
    }

    private synchronized String adminToken(boolean system, boolean renew) {
        if (system) {
            if (systemAdminToken == null || renew) {
                systemAdminToken = systemToken(Fixtures.ADMIN).id();
            }
            return systemAdminToken;
        }
        if (adminToken == null || renew) {
            adminToken = token(Fixtures.ADMIN).id();
        }
        return adminToken;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + ": " + describe(response));
        }
        return response;
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixtures.authUrl() + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs: " + Arrays.toString(headers));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " to Keystone at " + fixtures.authUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
