package org.glancejee.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;
import org.glancejee.persistence.CatalogueDatabase;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Leases in the {@code shedlock} table (ShedLock's JDBC provider): a job runs only while it holds its lease,
 * so two servers on one database never run it at once, and a lease whose holder died runs out by itself.
 */
@ApplicationScoped
public class JobLeases {

    DataSource dataSource;

    private LockProvider provider;

    public JobLeases() {
    }

    /** For tests, on a plain data source. */
    public JobLeases(DataSource dataSource) {
        this.dataSource = dataSource;
        open();
    }

    @PostConstruct
    void open() {
        if (dataSource == null) {
            dataSource = CatalogueDatabase.dataSource();
        }
        provider = new JdbcLockProvider(dataSource, "shedlock");
    }

    /** Runs the work if the lease is free; empty when another server holds it. */
    public <T> Optional<T> underLease(String name, Duration atMost, Supplier<T> work) {
        return underLease(name, atMost, Duration.ZERO, work);
    }

    /**
     * @param atLeast how long the lease stays taken after the work, so that the other servers' timers, firing
     *                a moment later, do not run the job again in the same round
     */
    public <T> Optional<T> underLease(String name, Duration atMost, Duration atLeast, Supplier<T> work) {
        Optional<SimpleLock> lock = provider.lock(new LockConfiguration(Instant.now(), name, atMost, atLeast));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            lock.get().unlock();
        }
    }
}
