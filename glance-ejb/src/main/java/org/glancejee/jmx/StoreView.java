package org.glancejee.jmx;

import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.StoreMonitor;

/** A store's JMX face, reading what the monitor last saw. */
public class StoreView implements StoreMXBean {
    private final ConfiguredStore store;
    private final StoreMonitor monitor;

    public StoreView(ConfiguredStore store, StoreMonitor monitor) {
        this.store = store;
        this.monitor = monitor;
    }

    @Override
    public String getId() {
        return store.id();
    }

    @Override
    public String getType() {
        return store.type();
    }

    @Override
    public boolean isDefault() {
        return store.isDefault();
    }

    @Override
    public boolean isAvailable() {
        return monitor.state(store.id()).available();
    }

    @Override
    public String getLastProbe() {
        return monitor.state(store.id()).lastProbe().map(Object::toString).orElse("");
    }

    @Override
    public String getLastError() {
        return monitor.state(store.id()).lastError().orElse("");
    }

    @Override
    public boolean probe() {
        return monitor.probe(store).available();
    }
}
