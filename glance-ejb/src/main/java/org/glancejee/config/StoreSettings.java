package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Glance's multi-store settings: {@code enabled_backends} ({@code id:type,...}), {@code [glance_store]
 * default_backend}, and one group of options per store, read as {@code glance.<store id>.<option>} with
 * {@code glance.backend_defaults.<option>} as the fallback, as glance_store does.
 */
@ApplicationScoped
public class StoreSettings {
    /** Store ids Glance keeps for itself (its staging and tasks stores). */
    public static final String RESERVED_PREFIX = "os_glance_";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "glance.enabled_backends")
    Optional<String> enabledBackends;

    @Inject
    @ConfigProperty(name = "glance.glance_store.default_backend")
    Optional<String> defaultBackend;

    /** One entry of enabled_backends. */
    public record Backend(String id, String type) {
    }

    /** Whether enabled_backends names any store; without it the server has one file store, as Glance without it. */
    public boolean multiStore() {
        return !backends().isEmpty();
    }

    /**
     * The configured stores in the order given.
     *
     * @throws IllegalArgumentException for an entry that is not {@code id:type}, a reserved or repeated id
     */
    public List<Backend> backends() {
        List<Backend> backends = new ArrayList<>();
        for (String entry : enabledBackends.orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            String type = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (id.isEmpty() || type.isEmpty()) {
                throw new IllegalArgumentException("enabled_backends: '" + entry.strip() + "' is not id:type");
            }
            if (id.startsWith(RESERVED_PREFIX)) {
                throw new IllegalArgumentException("enabled_backends: store id '" + id + "' is reserved ("
                        + RESERVED_PREFIX + "*)");
            }
            if (backends.stream().anyMatch(b -> b.id().equals(id))) {
                throw new IllegalArgumentException("enabled_backends: store id '" + id + "' appears twice");
            }
            backends.add(new Backend(id, type));
        }
        return backends;
    }

    public Optional<String> defaultBackend() {
        return defaultBackend.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A store's option: its own group first, then {@code backend_defaults}. */
    public Optional<String> option(String storeId, String name) {
        return config.getOptionalValue("glance." + storeId + "." + name, String.class)
                .or(() -> config.getOptionalValue("glance.backend_defaults." + name, String.class))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }
}
