package org.glancejee.limits;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.glancejee.domain.QuotaResource;
import org.glancejee.identity.KeystoneClient;
import org.glancejee.identity.ServiceToken;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Limits from Keystone's unified limits, as oslo.limit reads them for Glance: those of the service and region
 * of Glance's endpoint ({@code [oslo_limit] endpoint_id}), the project's own limit
 * ({@code GET /v3/limits}) else the registered default ({@code GET /v3/registered_limits}) else 0. Only
 * Keystone's flat enforcement model is supported, as in oslo.limit. The endpoint and model are read once;
 * limits on every check, as Glance does, so a changed limit applies at once.
 */
public final class KeystoneProjectLimits implements ProjectLimits {
    private static final Logger LOG = Logger.getLogger(KeystoneProjectLimits.class.getName());

    private final KeystoneClient keystone;
    private final ServiceToken token;
    private final String endpointId;
    private volatile String scope;

    public KeystoneProjectLimits(KeystoneClient keystone, ServiceToken token, String endpointId) {
        this.keystone = keystone;
        this.token = token;
        this.endpointId = endpointId;
    }

    @Override
    public long limit(String projectId, QuotaResource resource) {
        String query = scope() + "&resource_name=" + encode(resource.limitName());
        if (projectId != null) {
            Optional<Long> own = first(get("/limits" + query + "&project_id=" + encode(projectId)), "limits",
                    "resource_limit");
            if (own.isPresent()) {
                return own.get();
            }
        }
        return first(get("/registered_limits" + query), "registered_limits", "default_limit").orElseGet(() -> {
            LOG.severe(() -> "No registered limit in Keystone for " + resource.limitName() + " of endpoint "
                    + endpointId + ": it counts as 0, so the resource cannot be used");
            return 0L;
        });
    }

    /** {@code ?service_id=...[&region_id=...]} of the endpoint, after checking the enforcement model. */
    private String scope() {
        String known = scope;
        if (known == null) {
            String model = get("/limits/model").getJsonObject("model").getString("name");
            if (!model.equals("flat")) {
                throw new IllegalStateException("enforcement model " + model + " is not supported");
            }
            JsonObject endpoint = get("/endpoints/" + encode(endpointId)).getJsonObject("endpoint");
            String region = endpoint.isNull("region_id") ? null : endpoint.getString("region_id", null);
            known = "?service_id=" + encode(endpoint.getString("service_id"))
                    + (region == null ? "" : "&region_id=" + encode(region));
            scope = known;
        }
        return known;
    }

    private JsonObject get(String pathAndQuery) {
        return token.use(service -> keystone.get(service, pathAndQuery));
    }

    private static Optional<Long> first(JsonObject page, String collection, String field) {
        JsonArray items = page.getJsonArray(collection);
        return items == null || items.isEmpty() ? Optional.empty()
                : Optional.of(items.getJsonObject(0).getJsonNumber(field).longValueExact());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
