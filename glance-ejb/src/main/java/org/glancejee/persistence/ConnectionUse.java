package org.glancejee.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How this application uses the catalogue's connection pool: connections held now and at most, how many it
 * took, how long it waited for them, and how often it got none. Counted by {@link MeteredDataSource} around
 * every connection the application takes (JPA, migrations, job leases, probes), whichever server owns the
 * pool. One per application: the counters live as long as the deployment's class loader.
 */
public final class ConnectionUse {
    public static final ConnectionUse APPLICATION = new ConnectionUse();

    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder acquired = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final AtomicLong maxWaitNanos = new AtomicLong();

    /** The application's is {@link #APPLICATION}; others only for tests. */
    ConnectionUse() {
    }

    void acquired(long waitedNanos) {
        int now = inUse.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        acquired.increment();
        waitNanos.add(waitedNanos);
        maxWaitNanos.accumulateAndGet(waitedNanos, Math::max);
    }

    void released() {
        inUse.decrementAndGet();
    }

    void failed() {
        failures.increment();
    }

    public int inUse() {
        return inUse.get();
    }

    public int peakInUse() {
        return peak.get();
    }

    public long acquired() {
        return acquired.sum();
    }

    public long failures() {
        return failures.sum();
    }

    /** Mean time to get a connection from the pool, in milliseconds (0 before the first). */
    public double meanWaitMillis() {
        long count = acquired.sum();
        return count == 0 ? 0 : waitNanos.sum() / 1e6 / count;
    }

    public double maxWaitMillis() {
        return maxWaitNanos.get() / 1e6;
    }
}
