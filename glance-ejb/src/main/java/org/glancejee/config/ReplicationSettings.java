package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The replicator's options: {@code replicator.targets} names the peer image services, each configured as
 * {@code glance.replicator.<name>.<option>} ({@code url}; {@code token}, or Keystone credentials
 * {@code auth_url}, {@code username}, {@code password}, {@code project_name}, {@code user_domain_name},
 * {@code project_domain_name}); which images go ({@code projects}, {@code visibilities}, {@code tags}: empty
 * means all); whether images deleted here are deleted there ({@code delete_removed}); and how often the job
 * runs ({@code interval}, seconds; 0 leaves replication to operators).
 */
@ApplicationScoped
public class ReplicationSettings {
    private static final Logger LOG = Logger.getLogger("org.glancejee.replication");

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "glance.replicator.targets", defaultValue = " ")
    String targets;

    @Inject
    @ConfigProperty(name = "glance.replicator.interval", defaultValue = "3600")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "glance.replicator.projects", defaultValue = " ")
    String projects;

    @Inject
    @ConfigProperty(name = "glance.replicator.visibilities", defaultValue = " ")
    String visibilities;

    @Inject
    @ConfigProperty(name = "glance.replicator.tags", defaultValue = " ")
    String tags;

    @Inject
    @ConfigProperty(name = "glance.replicator.delete_removed", defaultValue = "false")
    boolean deleteRemoved;

    /** Where one peer is and how to authenticate to it. */
    public record Target(String name, URI url, Optional<String> token, Optional<KeystoneLogin> keystone) {
        @Override
        public String toString() {
            return name + " (" + url + ")"; // never the credentials
        }
    }

    /** A Keystone user the replicator logs in as at a peer. */
    public record KeystoneLogin(String authUrl, String username, String password, String projectName,
                                String userDomainName, String projectDomainName) {
        @Override
        public String toString() {
            return username + "@" + authUrl;
        }
    }

    /** The configured peers, in the order named; one without a url is left out and logged, not fatal. */
    public List<Target> targets() {
        return list(targets).stream().map(this::configured).flatMap(Optional::stream).toList();
    }

    public Optional<Target> target(String name) {
        return targets().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private Optional<Target> configured(String name) {
        Optional<URI> url = option(name, "url").flatMap(u -> {
            try {
                return Optional.of(URI.create(u.strip().replaceAll("/+$", "")));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        if (url.isEmpty()) {
            LOG.warning("Replication target '" + name + "' has no usable glance.replicator." + name + ".url; left out");
            return Optional.empty();
        }
        Optional<KeystoneLogin> keystone = option(name, "auth_url").map(authUrl -> new KeystoneLogin(authUrl,
                option(name, "username").orElse(""), option(name, "password").orElse(""),
                option(name, "project_name").orElse(""), option(name, "user_domain_name").orElse("Default"),
                option(name, "project_domain_name").orElse("Default")));
        return Optional.of(new Target(name, url.get(), option(name, "token"), keystone));
    }

    private Optional<String> option(String target, String option) {
        return config.getOptionalValue("glance.replicator." + target + "." + option, String.class)
                .filter(v -> !v.isBlank());
    }

    /** How often the replicator job runs; zero when it runs only when asked. */
    public Duration interval() {
        return Duration.ofSeconds(Math.max(0, intervalSeconds));
    }

    public Set<String> projects() {
        return Set.copyOf(list(projects));
    }

    public Set<String> visibilities() {
        return Set.copyOf(list(visibilities));
    }

    public Set<String> tags() {
        return Set.copyOf(list(tags));
    }

    public boolean deleteRemoved() {
        return deleteRemoved;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
