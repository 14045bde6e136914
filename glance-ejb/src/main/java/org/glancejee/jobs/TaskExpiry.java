package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/** Soft-deletes finished tasks once their task_time_to_live is over, every ten minutes. */
@ApplicationScoped
public class TaskExpiry implements BackgroundJob {

    @Inject
    CleanupTransactions transactions;

    @Override
    public String name() {
        return "task_expiry";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public Duration leaseAtMost() {
        return Duration.ofMinutes(10);
    }

    @Override
    public JobOutcome run() {
        return new JobOutcome(transactions.expireTasks(Instant.now()), 0, 0);
    }
}
