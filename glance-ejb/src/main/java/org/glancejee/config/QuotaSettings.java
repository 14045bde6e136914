package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glancejee.domain.StorageQuota;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quotas: Glance's {@code user_storage_quota}, and per-project unified limits when
 * {@code use_keystone_limits} is on (then the storage quota is not applied, as in Glance). Where the limits
 * come from is {@code limits} package's business; this class only reads the keys.
 */
@ApplicationScoped
public class QuotaSettings {
    private static final Logger LOG = Logger.getLogger(QuotaSettings.class.getName());

    @Inject
    @ConfigProperty(name = "glance.user_storage_quota")
    String userStorageQuota;

    @Inject
    @ConfigProperty(name = "glance.use_keystone_limits")
    boolean useKeystoneLimits;

    @Inject
    Config config;

    /**
     * The storage quota. Glance reads the option when an upload needs it and fails that upload (500) when the
     * value is not valid; so does this.
     *
     * @throws IllegalStateException for a value that is not digits with an optional B, KB, MB, GB or TB
     */
    public StorageQuota userStorageQuota() {
        try {
            return StorageQuota.parse(userStorageQuota.strip());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Whether per-project unified limits are enforced (and the storage quota is not). */
    public boolean useKeystoneLimits() {
        return useKeystoneLimits;
    }

    /** Any setting by its full key, for keys built at run time such as {@code glance.limits.<project>.<resource>}. */
    public Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }
}
