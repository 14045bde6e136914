package org.glancejee.jmx;

import org.glancejee.persistence.CatalogueDatabase;
import org.glancejee.persistence.ConnectionUse;
import org.glancejee.persistence.DatabaseMigrator;
import org.glancejee.persistence.DatabaseProbe;

/** The database's JMX face: availability reads ask the database now; pool use is counted as it happens. */
public class DatabaseView implements DatabaseMXBean {
    private final DatabaseProbe probe;
    private final ConnectionUse use;

    public DatabaseView(DatabaseProbe probe, ConnectionUse use) {
        this.probe = probe;
        this.use = use;
    }

    @Override
    public String getProduct() {
        return probe.product();
    }

    @Override
    public String getDataSource() {
        return CatalogueDatabase.jndiName();
    }

    @Override
    public boolean isAvailable() {
        return probe.answers();
    }

    @Override
    public double getRoundTripMillis() {
        long start = System.nanoTime();
        return probe.answers() ? (System.nanoTime() - start) / 1e6 : -1;
    }

    @Override
    public int getMinPoolSize() {
        return CatalogueDatabase.serverDefined() ? -1 : DatabaseMigrator.MIN_POOL_SIZE;
    }

    @Override
    public int getMaxPoolSize() {
        return CatalogueDatabase.serverDefined() ? -1 : DatabaseMigrator.MAX_POOL_SIZE;
    }

    @Override
    public int getConnectionsInUse() {
        return use.inUse();
    }

    @Override
    public int getPeakConnectionsInUse() {
        return use.peakInUse();
    }

    @Override
    public long getConnectionsAcquired() {
        return use.acquired();
    }

    @Override
    public long getConnectionFailures() {
        return use.failures();
    }

    @Override
    public double getMeanConnectionWaitMillis() {
        return use.meanWaitMillis();
    }

    @Override
    public double getMaxConnectionWaitMillis() {
        return use.maxWaitMillis();
    }
}
