package org.glancejee.it.identity;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The identities the test Keystone holds, as {@code keystone-fixtures.py} wrote them to
 * {@code fixtures.properties}: every user in domain Default with one role on one project.
 *
 * @param rootUrl Keystone's root, {@code http://127.0.0.1:PORT} (what www_authenticate_uri names)
 * @param authUrl the identity v3 endpoint, {@code rootUrl/v3}
 * @param users   by user name, in the file's order
 */
public record Fixtures(URI rootUrl, URI authUrl, String region, String userDomainName, String projectDomainName,
                       Map<String, User> users) {

    /** Bootstrapped by keystone-manage: role admin on project admin. */
    public static final String ADMIN = "admin";
    /**
     * The service user Glance validates tokens with: role service on project service. It also has role reader
     * on the system, to read unified limits with a system-scoped token ({@code glance.oslo_limit.*}).
     */
    public static final String SERVICE = "glance";
    /** Role member on project alpha. */
    public static final String ALPHA_MEMBER = "alpha-member";
    /** Role reader on project alpha. */
    public static final String ALPHA_READER = "alpha-reader";
    /** Role member on project beta. */
    public static final String BETA_MEMBER = "beta-member";
    /** Role reader on project beta. */
    public static final String BETA_READER = "beta-reader";
    /** Role member on project gamma. */
    public static final String GAMMA_MEMBER = "gamma-member";

    /**
     * One fixture user.
     *
     * @param role the one role assigned to it on its project (tokens also carry the roles it implies)
     */
    public record User(String name, String id, String password, String role, String projectName,
                       String projectId) {
    }

    public Fixtures {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    public User user(String name) {
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("no fixture user " + name + "; there are " + users.keySet());
        }
        return user;
    }

    /**
     * What an openrc file would export for the user: the OS_* variables that make {@code openstack} and
     * {@code glance} authenticate with its password and scope to its project.
     */
    public Map<String, String> openrc(String name) {
        User user = user(name);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OS_AUTH_TYPE", "password");
        env.put("OS_AUTH_URL", authUrl.toString());
        env.put("OS_IDENTITY_API_VERSION", "3");
        env.put("OS_USERNAME", user.name());
        env.put("OS_PASSWORD", user.password());
        env.put("OS_PROJECT_NAME", user.projectName());
        env.put("OS_USER_DOMAIN_NAME", userDomainName);
        env.put("OS_PROJECT_DOMAIN_NAME", projectDomainName);
        env.put("OS_REGION_NAME", region);
        env.put("OS_INTERFACE", "public");
        return env;
    }

    static Fixtures read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (String name : Arrays.stream(required(p, "users").split(",")).map(String::strip).toList()) {
            String prefix = "user." + name + ".";
            users.put(name, new User(name, required(p, prefix + "id"), required(p, prefix + "password"),
                    required(p, prefix + "role"), required(p, prefix + "project_name"),
                    required(p, prefix + "project_id")));
        }
        return new Fixtures(URI.create(required(p, "root_url")), URI.create(required(p, "auth_url")),
                required(p, "region"), required(p, "user_domain_name"), required(p, "project_domain_name"), users);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("fixtures.properties lacks " + key);
        }
        return value;
    }
}
