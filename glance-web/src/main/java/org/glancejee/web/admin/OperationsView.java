package org.glancejee.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.jobs.JobRecord;
import org.glancejee.jobs.JobScheduler;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StoreMonitor;

import java.time.Instant;
import java.util.List;

/** The state of the stores and the background jobs, as the dashboard and the operations page show them. */
@ApplicationScoped
public class OperationsView {

    /** A store as operators see it; why a store is down is in the log and over JMX, not on a page. */
    public record StoreRow(String id, String type, String description, boolean isDefault, boolean readOnly,
                           boolean available, Instant lastProbe) {
    }

    /** A job's last run: what it did, its backlog, its error. */
    public record JobRow(String name, Instant lastStart, String lastDuration, long done, long failed, long backlog,
                         String lastError, long runs, long skipped) {
    }

    @Inject
    ImageStores stores;

    @Inject
    StoreMonitor monitor;

    @Inject
    JobScheduler jobs;

    public List<StoreRow> stores() {
        return stores.configured().stream().map(this::row).toList();
    }

    public List<JobRow> jobs() {
        return jobs.records().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> row(e.getKey(), e.getValue())).toList();
    }

    private StoreRow row(ConfiguredStore store) {
        StoreMonitor.StoreState state = monitor.state(store.id());
        return new StoreRow(store.id(), store.type(), store.description().orElse(""),
                store.id().equals(stores.defaultId()), store.readOnly(), state.available(),
                state.lastProbe().orElse(null));
    }

    private static JobRow row(String name, JobRecord job) {
        return new JobRow(name, job.lastStart().orElse(null),
                job.lastDuration() == null ? "" : job.lastDuration().toMillis() + " ms",
                job.lastOutcome() == null ? 0 : job.lastOutcome().done(),
                job.lastOutcome() == null ? 0 : job.lastOutcome().failed(),
                job.lastOutcome() == null ? 0 : job.lastOutcome().backlog(),
                job.lastError() == null ? "" : job.lastError(), job.runs(), job.skipped());
    }
}
