package org.glancejee.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts every background job on its own non-persistent interval timer and runs it under its lease. Runs hold
 * no transaction (jobs open their own short ones) and jobs do not wait for each other.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobScheduler {

    @Resource
    TimerService timers;

    @Inject
    @Any
    Instance<BackgroundJob> discovered;

    @Inject
    JobLeases leases;

    private final Map<String, BackgroundJob> jobs = new LinkedHashMap<>();
    private final Map<String, JobRecord> records = new ConcurrentHashMap<>();
    private Instant started;

    @PostConstruct
    void start() {
        started = Instant.now();
        for (BackgroundJob job : discovered) {
            if (!job.enabled()) {
                continue;
            }
            jobs.put(job.name(), job);
            records.put(job.name(), new JobRecord());
            long every = job.interval().toMillis();
            timers.createIntervalTimer(Math.min(every, 10_000), every, new TimerConfig(job.name(), false));
        }
    }

    @Timeout
    void onTimer(Timer timer) {
        BackgroundJob job = jobs.get((String) timer.getInfo());
        if (job == null) {
            return;
        }
        // Of the servers whose timers fire for this round, the one that takes the round's marker runs it; the
        // marker stays taken for most of the interval. The run itself holds the job's lease only while it
        // runs, so runs never overlap and an operator's runNow is not kept waiting by a finished round.
        Duration most = job.interval().multipliedBy(4).dividedBy(5);
        if (leases.underLease(roundMarker(job), most, most, () -> Boolean.TRUE).isEmpty()) {
            records.get(job.name()).leaseHeldElsewhere();
            return;
        }
        run(job);
    }

    private static String roundMarker(BackgroundJob job) {
        String lease = job.leaseName();
        return (lease.length() <= 58 ? lease : lease.substring(0, 58)) + "#round";
    }

    /**
     * Runs a job now, if no server holds its lease.
     *
     * @return what it did, or empty when it ran elsewhere or is unknown
     */
    public Optional<JobOutcome> runNow(String name) {
        BackgroundJob job = jobs.get(name);
        return job == null ? Optional.empty() : run(job);
    }

    private Optional<JobOutcome> run(BackgroundJob job) {
        String name = job.name();
        JobRecord record = records.get(name);
        Logger log = Logger.getLogger("org.glancejee.jobs." + name);
        Instant start = Instant.now();
        try {
            Optional<JobOutcome> outcome = leases.underLease(job.leaseName(), job.leaseAtMost(), job::run);
            if (outcome.isEmpty()) {
                record.leaseHeldElsewhere();
                log.fine("Another server holds the lease of " + name);
            } else {
                record.ran(start, Duration.between(start, Instant.now()), outcome.get());
                if (outcome.get().done() + outcome.get().failed() > 0) {
                    log.info(name + ": " + outcome.get());
                }
            }
            return outcome;
        } catch (RuntimeException e) {
            record.failed(start, Duration.between(start, Instant.now()), e);
            log.log(Level.WARNING, name + " failed", e);
            return Optional.empty();
        }
    }

    public Map<String, JobRecord> records() {
        return Map.copyOf(records);
    }

    /** The jobs whose timers have stopped firing here (see {@link JobRecord#stalled}). */
    public List<String> stalled() {
        Instant now = Instant.now();
        return jobs.values().stream().filter(job -> records.get(job.name()).stalled(started, job.interval(), now))
                .map(BackgroundJob::name).toList();
    }
}
