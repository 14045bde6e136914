package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * Glance's {@code glance-manage db purge --age_in_days N --max_rows M} as a daily job: soft-deleted rows
 * older than {@code glance.db_purge.age_in_days} go, {@code max_rows} per table and run.
 */
@ApplicationScoped
public class DatabasePurge implements BackgroundJob {

    @Inject
    CleanupTransactions transactions;

    @Inject
    @ConfigProperty(name = "glance.db_purge.age_in_days", defaultValue = "30")
    double ageInDays;

    @Inject
    @ConfigProperty(name = "glance.db_purge.max_rows", defaultValue = "1000")
    int maxRows;

    @Override
    public String name() {
        return "db_purge";
    }

    @Override
    public Duration interval() {
        return Duration.ofDays(1);
    }

    @Override
    public Duration leaseAtMost() {
        return Duration.ofHours(1);
    }

    @Override
    public JobOutcome run() {
        Instant cutoff = Instant.now().minusMillis(Math.round(ageInDays * 86_400_000));
        return new JobOutcome(transactions.purge(cutoff, maxRows), 0, 0);
    }
}
