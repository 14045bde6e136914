package org.glancejee.jmx;

import org.glancejee.persistence.DatabaseMigrator;
import org.glancejee.persistence.DatabaseProbe;

/** The database's JMX face: every read asks the database now. */
public class DatabaseView implements DatabaseMXBean {
    private final DatabaseProbe probe;

    public DatabaseView(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    public String getProduct() {
        return probe.product();
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
        return DatabaseMigrator.MIN_POOL_SIZE;
    }

    @Override
    public int getMaxPoolSize() {
        return DatabaseMigrator.MAX_POOL_SIZE;
    }
}
