package org.glancejee.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a job did lately on this server, for JMX. */
public final class JobRecord {
    private Instant lastStart;
    private Instant lastAttempt;
    private Duration lastDuration = Duration.ZERO;
    private JobOutcome lastOutcome = JobOutcome.NOTHING;
    private String lastError = "";
    private long runs;
    private long skipped;

    synchronized void ran(Instant start, Duration took, JobOutcome outcome) {
        lastStart = start;
        lastAttempt = start;
        lastDuration = took;
        lastOutcome = outcome;
        lastError = "";
        runs++;
    }

    synchronized void failed(Instant start, Duration took, Exception e) {
        lastStart = start;
        lastAttempt = start;
        lastDuration = took;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        runs++;
    }

    /** The lease was held elsewhere: another server ran it. */
    synchronized void leaseHeldElsewhere() {
        skipped++;
        lastAttempt = Instant.now();
    }

    /**
     * Whether the job's timer seems dead: it has not fired (run here, or found the run taken elsewhere) for
     * three intervals and a minute since {@code since} (its last attempt, or the scheduler's start).
     */
    public synchronized boolean stalled(Instant schedulerStart, Duration interval, Instant now) {
        Instant since = lastAttempt == null ? schedulerStart : lastAttempt;
        return since.plus(interval.multipliedBy(3)).plus(Duration.ofMinutes(1)).isBefore(now);
    }

    public synchronized Optional<Instant> lastStart() { return Optional.ofNullable(lastStart); }
    public synchronized Duration lastDuration() { return lastDuration; }
    public synchronized JobOutcome lastOutcome() { return lastOutcome; }
    public synchronized String lastError() { return lastError; }
    public synchronized long runs() { return runs; }
    public synchronized long skipped() { return skipped; }
}
