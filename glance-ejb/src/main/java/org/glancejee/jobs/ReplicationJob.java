package org.glancejee.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.ReplicationSettings;
import org.glancejee.replication.ReplicationReport;
import org.glancejee.replication.ReplicationReport.Outcome;
import org.glancejee.replication.Replicator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replicates to every configured peer each {@code replicator.interval}, once per cluster. A peer that cannot
 * be reached fails the run (its error shows over JMX) after the other peers had theirs.
 */
@ApplicationScoped
public class ReplicationJob implements BackgroundJob {

    @Inject
    ReplicationSettings settings;

    @Inject
    Replicator replicator;

    @Override
    public String name() {
        return "replicator";
    }

    @Override
    public boolean enabled() {
        return !settings.targets().isEmpty() && !settings.interval().isZero();
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }

    @Override
    public Duration leaseAtMost() {
        return Duration.ofHours(6);
    }

    @Override
    public JobOutcome run() {
        long done = 0;
        long failed = 0;
        long left = 0;
        List<String> errors = new ArrayList<>();
        for (String target : replicator.targets()) {
            ReplicationReport report = replicator.replicate(target);
            done += report.count(Outcome.DONE);
            failed += report.count(Outcome.FAILED);
            left += report.differences().stream().filter(e -> !e.difference().repairable()).count();
            if (report.error() != null) {
                errors.add(target + ": " + report.error());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Replication stopped for " + String.join("; ", errors));
        }
        return new JobOutcome(done, failed, failed + left);
    }
}
