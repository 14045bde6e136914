package org.glancejee.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StoreMonitor;

/**
 * Each store's state at its last probe ("available" or "unavailable", never why: the reason can name paths and
 * hosts, and this answers without credentials; JMX and the log tell operators why). Ready while the default
 * store, which takes new images, is available; another store being down is reported without making the whole
 * server unready, as downloads fall back and other stores keep working.
 */
@Readiness
@ApplicationScoped
public class StoresReadiness implements HealthCheck {

    @Inject
    ImageStores stores;

    @Inject
    StoreMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("stores");
        boolean defaultAvailable = false;
        for (ConfiguredStore store : stores.configured()) {
            boolean available = monitor.state(store.id()).available();
            response.withData(store.id(), available ? "available" : "unavailable");
            if (store.id().equals(stores.defaultId())) {
                defaultAvailable = available;
            }
        }
        return response.status(defaultAvailable).build();
    }
}
