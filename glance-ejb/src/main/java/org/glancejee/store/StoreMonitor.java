package org.glancejee.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Probes every store twice a minute and remembers whether it answered, so operators see a store that is
 * down (log lines when it goes and comes back, its state over JMX) before users do.
 */
@Singleton
@Startup
public class StoreMonitor {
    private static final Logger LOG = Logger.getLogger(StoreMonitor.class.getName());

    /** A store's state at its last probe. */
    public record StoreState(boolean available, Optional<Instant> lastProbe, Optional<String> lastError) {
        static final StoreState UNKNOWN = new StoreState(false, Optional.empty(), Optional.empty());
    }

    @Inject
    ImageStores stores;

    @Resource
    TimerService timers;

    private final Map<String, StoreState> states = new ConcurrentHashMap<>();

    /** The first probe runs a second after start, off the deployment's thread (an unreachable store is slow). */
    @PostConstruct
    void scheduleFirstProbe() {
        timers.createSingleActionTimer(1000, new TimerConfig(null, false));
    }

    @Timeout
    void firstProbe() {
        probeAll();
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    public void probeAll() {
        stores.configured().forEach(this::probe);
    }

    /** Probes one store now and returns its state. */
    public StoreState probe(ConfiguredStore store) {
        Instant now = Instant.now();
        StoreState state;
        if (store.driver().isEmpty()) {
            state = new StoreState(false, Optional.of(now), Optional.of("not set up: " + store.failure().orElse("")));
        } else {
            try {
                store.driver().get().probe();
                state = new StoreState(true, Optional.of(now), Optional.empty());
            } catch (IOException | RuntimeException e) {
                state = new StoreState(false, Optional.of(now), Optional.of(String.valueOf(e.getMessage())));
            }
        }
        StoreState before = states.put(store.id(), state);
        if (before != null && before.available() && !state.available()) {
            LOG.warning("Store '" + store.id() + "' does not answer: " + state.lastError().orElse(""));
        } else if ((before == null || !before.available()) && state.available()) {
            LOG.info("Store '" + store.id() + "' answers");
        } else if (before == null) {
            LOG.log(Level.WARNING, "Store '" + store.id() + "' does not answer: " + state.lastError().orElse(""));
        }
        return state;
    }

    /** The state at the last probe; unknown before the first. */
    public StoreState state(String storeId) {
        return states.getOrDefault(storeId, StoreState.UNKNOWN);
    }
}
