package org.glancejee.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.web.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriInfo;
import org.glancejee.config.ApiSettings;
import org.glancejee.config.CacheSettings;
import org.glancejee.store.ImageStores;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The API versions this server offers. As in Glance, the list depends on what is enabled: the multi-store
 * versions (2.8, 2.10-2.13) and the cache versions (2.14, 2.16, 2.18) appear only with those features; with
 * the cache on, 2.18 (cache clean and prune) is the current one.
 */
@ApplicationScoped
public class ApiVersions {
    /** Offered whatever the configuration. */
    private static final List<String> ALWAYS =
            List.of("v2.17", "v2.15", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0");
    private static final List<String> MULTI_STORE = List.of("v2.8", "v2.10", "v2.11", "v2.12", "v2.13");
    private static final List<String> CACHE = List.of("v2.14", "v2.16", "v2.18");

    @Inject
    ApiSettings settings;

    @Inject
    CacheSettings cache;

    @Inject
    ImageStores stores;

    /** Fixed by the configuration, so worked out once rather than on every versioned request. */
    private List<String> offered;

    @PostConstruct
    void decide() {
        List<String> versions = new ArrayList<>(ALWAYS);
        if (stores.multiStore()) {
            versions.addAll(MULTI_STORE);
        }
        if (cache.enabled()) {
            versions.addAll(CACHE);
        }
        versions.sort(Comparator.comparingInt((String v) -> Integer.parseInt(v.substring(v.indexOf('.') + 1)))
                .reversed());
        offered = List.copyOf(versions);
    }

    /** The versions offered, newest (the current one) first. */
    public List<String> offered() {
        return offered;
    }

    public boolean offers(String version) {
        return offered().contains(version) || version.equals("v2");
    }

    public JsonObject document(UriInfo uri) {
        String base = settings.publicEndpoint().map(e -> e.endsWith("/") ? e : e + "/")
                .orElse(uri.getBaseUri().toString());
        JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
        List<String> versions = offered();
        for (int i = 0; i < versions.size(); i++) {
            list.add(Jsons.PROVIDER.createObjectBuilder()
                    .add("id", versions.get(i))
                    .add("status", i == 0 ? "CURRENT" : "SUPPORTED")
                    .add("links", Jsons.PROVIDER.createArrayBuilder().add(Jsons.PROVIDER.createObjectBuilder()
                            .add("rel", "self").add("href", base + "v2/"))));
        }
        return Jsons.PROVIDER.createObjectBuilder().add("versions", list).build();
    }
}
