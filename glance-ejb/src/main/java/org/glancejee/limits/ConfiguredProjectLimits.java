package org.glancejee.limits;

import org.glancejee.domain.QuotaResource;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Limits from the server's own settings, for deployments without Keystone's unified limits:
 * {@code glance.limits.<resource>} is the default of every project (Keystone's registered limit) and
 * {@code glance.limits.<project_id>.<resource>} one project's own (Keystone's project limit), e.g.
 * {@code glance.limits.image_count_total=100} and {@code glance.limits.8d3c...e1.image_count_total=500}.
 * A resource with neither counts as 0, as in oslo.limit.
 */
public final class ConfiguredProjectLimits implements ProjectLimits {
    private static final Logger LOG = Logger.getLogger(ConfiguredProjectLimits.class.getName());
    public static final String PREFIX = "glance.limits.";

    private final Function<String, Optional<String>> settings;
    private final Set<QuotaResource> reportedUnset = ConcurrentHashMap.newKeySet();

    /** @param settings the value of a setting by its key, empty when unset */
    public ConfiguredProjectLimits(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    @Override
    public long limit(String projectId, QuotaResource resource) {
        Optional<Long> own = projectId == null ? Optional.empty()
                : value(PREFIX + projectId + "." + resource.limitName());
        return own.or(() -> value(PREFIX + resource.limitName())).orElseGet(() -> {
            if (reportedUnset.add(resource)) {
                LOG.warning(() -> "No limit set for " + resource.limitName() + " (" + PREFIX + resource.limitName()
                        + "): it counts as 0, so the resource cannot be used");
            }
            return 0L;
        });
    }

    private Optional<Long> value(String key) {
        return settings.apply(key).map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Setting " + key + " must be a whole number, not " + v, e);
            }
        });
    }
}
