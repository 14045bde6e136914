package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * How callers are identified: {@code noauth} (every request is an admin; loopback only unless
 * {@code glance.noauth.allow_remote}) or {@code keystone} (tokens validated against Keystone v3 with the
 * service user of {@code glance.keystone_authtoken.*}, keystonemiddleware's option names).
 */
@ApplicationScoped
public class AuthSettings {

    @Inject
    @ConfigProperty(name = "glance.auth_strategy")
    String authStrategy;

    @Inject
    @ConfigProperty(name = "glance.noauth.project_id")
    Optional<String> noauthProjectId;

    @Inject
    @ConfigProperty(name = "glance.noauth.allow_remote", defaultValue = "false")
    boolean noauthAllowRemote;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.auth_url")
    Optional<String> authUrl;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.www_authenticate_uri")
    Optional<String> wwwAuthenticateUri;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.project_name")
    Optional<String> projectName;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.user_domain_name", defaultValue = "Default")
    String userDomainName;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.project_domain_name", defaultValue = "Default")
    String projectDomainName;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.token_cache_time", defaultValue = "300")
    int tokenCacheTime;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.token_cache_size", defaultValue = "10000")
    int tokenCacheSize;

    @Inject
    @ConfigProperty(name = "glance.keystone_authtoken.http_connect_timeout", defaultValue = "10")
    int httpConnectTimeout;

    public boolean keystone() { return "keystone".equalsIgnoreCase(authStrategy.strip()); }

    public boolean noauth() { return "noauth".equalsIgnoreCase(authStrategy.strip()); }

    public String authStrategy() { return authStrategy; }

    /** The project noauth requests act for; unset means none, as in Glance's noauth mode (owner null). */
    public Optional<String> noauthProjectId() { return noauthProjectId; }

    /** Whether noauth may answer requests that did not arrive on a loopback address. */
    public boolean noauthAllowRemote() { return noauthAllowRemote; }

    public String authUrl() { return required(authUrl, "auth_url"); }

    /** Where clients are told to authenticate (WWW-Authenticate); auth_url when unset. */
    public String wwwAuthenticateUri() { return wwwAuthenticateUri.orElseGet(this::authUrl); }

    public String username() { return required(username, "username"); }

    public String password() { return required(password, "password"); }

    public String projectName() { return required(projectName, "project_name"); }

    public String userDomainName() { return userDomainName; }

    public String projectDomainName() { return projectDomainName; }

    /** How long a validated token is trusted before Keystone is asked again (revocation delay). */
    public Duration tokenCacheTime() { return Duration.ofSeconds(Math.max(0, tokenCacheTime)); }

    public int tokenCacheSize() { return tokenCacheSize; }

    public Duration httpConnectTimeout() { return Duration.ofSeconds(Math.max(1, httpConnectTimeout)); }

    private static String required(Optional<String> value, String key) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                "glance.auth_strategy=keystone needs glance.keystone_authtoken." + key));
    }
}
