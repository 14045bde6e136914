package org.glancejee.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Keystone v3 calls Glance needs: issue the service user's token (password method, scoped to its
 * project or to the system), validate a caller's token with it ({@code GET /v3/auth/tokens}, no catalog),
 * and read other Identity resources with it (unified limits).
 */
public class KeystoneClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String v3;
    private final URI tokens;
    private final String serviceCredentials;

    /** The service user's token and when it stops being valid. */
    public record IssuedToken(String id, Instant expiresAt) {
    }

    /** Thrown when Keystone refuses the service token itself, so a new one is needed. */
    public static class ServiceTokenRejectedException extends RuntimeException {
        ServiceTokenRejectedException() {
            super("Keystone refused the service token");
        }
    }

    /** A client whose service user's token is scoped to a project, as keystonemiddleware's is. */
    public KeystoneClient(String authUrl, String username, String password, String userDomainName,
                          String projectName, String projectDomainName, Duration connectTimeout) {
        this(authUrl, username, password, userDomainName, Json.createObjectBuilder().add("project",
                Json.createObjectBuilder().add("name", projectName)
                        .add("domain", Json.createObjectBuilder().add("name", projectDomainName))), connectTimeout);
    }

    /** A client whose service user's token is scoped to the whole system ({@code system_scope = all}). */
    public static KeystoneClient systemScoped(String authUrl, String username, String password,
                                              String userDomainName, Duration connectTimeout) {
        return new KeystoneClient(authUrl, username, password, userDomainName, Json.createObjectBuilder()
                .add("system", Json.createObjectBuilder().add("all", true)), connectTimeout);
    }

    private KeystoneClient(String authUrl, String username, String password, String userDomainName,
                           JsonObjectBuilder scope, Duration connectTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.v3 = v3(authUrl);
        this.tokens = URI.create(v3 + "/auth/tokens");
        this.serviceCredentials = Json.createObjectBuilder().add("auth", Json.createObjectBuilder()
                .add("identity", Json.createObjectBuilder()
                        .add("methods", Json.createArrayBuilder().add("password"))
                        .add("password", Json.createObjectBuilder().add("user", Json.createObjectBuilder()
                                .add("name", username)
                                .add("domain", Json.createObjectBuilder().add("name", userDomainName))
                                .add("password", password))))
                .add("scope", scope))
                .build().toString();
    }

    /** {@code auth_url} may be given with or without its {@code /v3} suffix, as keystonemiddleware allows. */
    static String v3(String authUrl) {
        String base = authUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/v3") ? base : base + "/v3";
    }

    public IssuedToken issueServiceToken() {
        return issue(false);
    }

    /**
     * A person's sign-in with their own credentials (the admin pages').
     *
     * @throws InvalidTokenException when Keystone does not accept the credentials
     */
    public IssuedToken signIn() {
        return issue(true);
    }

    private IssuedToken issue(boolean person) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokens).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(serviceCredentials)).build());
        String id = response.headers().firstValue("X-Subject-Token").orElse(null);
        if (person && response.statusCode() == 401) {
            throw new InvalidTokenException("Keystone refused the user name, password or project");
        }
        if (response.statusCode() != 201 || id == null) {
            throw new IdentityUnavailableException("Keystone refused the service user's credentials (HTTP "
                    + response.statusCode() + ")", null);
        }
        return new IssuedToken(id, expiresAt(token(response.body())));
    }

    /**
     * @throws InvalidTokenException when Keystone does not accept the subject token
     * @throws ServiceTokenRejectedException when Keystone does not accept the service token
     */
    public ValidatedToken validate(String serviceToken, String subjectToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokens + "?nocatalog"))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Auth-Token", serviceToken)
                .header("X-Subject-Token", subjectToken)
                .header("Accept", "application/json")
                .GET().build());
        return switch (response.statusCode()) {
            case 200 -> parse(token(response.body()));
            case 404 -> throw new InvalidTokenException("token not found, expired or revoked");
            case 401 -> throw new ServiceTokenRejectedException();
            case 403 -> throw new IdentityUnavailableException(
                    "the service user may not validate tokens (Keystone policy identity:validate_token)", null);
            default -> throw new IdentityUnavailableException("Keystone answered HTTP " + response.statusCode(), null);
        };
    }

    /**
     * The URL of a service's endpoint in the subject token's catalog: of {@code type}, in {@code region}, for
     * {@code iface} (public, internal, admin), as the token's owner would find it.
     */
    public Optional<String> catalogEndpoint(String serviceToken, String subjectToken, String type, String region,
                                            String iface) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokens)
                .timeout(REQUEST_TIMEOUT)
                .header("X-Auth-Token", serviceToken)
                .header("X-Subject-Token", subjectToken)
                .header("Accept", "application/json")
                .GET().build());
        if (response.statusCode() == 401) {
            throw new ServiceTokenRejectedException();
        }
        if (response.statusCode() != 200) {
            throw new InvalidTokenException("token not found, expired or revoked");
        }
        JsonObject token = token(response.body());
        for (JsonObject service : token.getJsonArray("catalog").getValuesAs(JsonObject.class)) {
            if (!type.equals(service.getString("type", ""))) {
                continue;
            }
            for (JsonObject endpoint : service.getJsonArray("endpoints").getValuesAs(JsonObject.class)) {
                if (iface.equals(endpoint.getString("interface", ""))
                        && (region.equals(endpoint.getString("region_id", ""))
                        || region.equals(endpoint.getString("region", "")))) {
                    return Optional.of(endpoint.getString("url"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A read of the Identity API with the service token, e.g. {@code /limits/model}.
     *
     * @param pathAndQuery below {@code /v3}, query already encoded
     * @throws ServiceTokenRejectedException when Keystone does not accept the service token
     */
    public JsonObject get(String serviceToken, String pathAndQuery) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(v3 + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Auth-Token", serviceToken)
                .header("Accept", "application/json")
                .GET().build());
        if (response.statusCode() == 401) {
            throw new ServiceTokenRejectedException();
        }
        if (response.statusCode() != 200) {
            throw new IdentityUnavailableException("Keystone answered HTTP " + response.statusCode() + " to GET "
                    + pathAndQuery, null);
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdentityUnavailableException("Keystone unreachable at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailableException("interrupted while asking Keystone", e);
        }
    }

    private static JsonObject token(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getJsonObject("token");
        }
    }

    static ValidatedToken parse(JsonObject token) {
        JsonObject user = token.getJsonObject("user");
        JsonObject project = token.containsKey("project") ? token.getJsonObject("project") : null;
        Set<String> roles = new LinkedHashSet<>();
        if (token.containsKey("roles")) {
            for (JsonValue role : token.getJsonArray("roles")) {
                roles.add(role.asJsonObject().getString("name"));
            }
        }
        return new ValidatedToken(user == null ? null : user.getString("id", null),
                project == null ? null : project.getString("id", null), roles, expiresAt(token));
    }

    private static Instant expiresAt(JsonObject token) {
        JsonValue value = token == null ? null : token.get("expires_at");
        return value instanceof JsonString s ? Instant.parse(s.getString()) : null;
    }
}
