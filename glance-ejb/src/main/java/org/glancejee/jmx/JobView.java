package org.glancejee.jmx;

import org.glancejee.jobs.JobOutcome;
import org.glancejee.jobs.JobRecord;
import org.glancejee.jobs.JobScheduler;

/** A job's JMX face over what the scheduler recorded. */
public class JobView implements JobMXBean {
    private final String name;
    private final JobScheduler scheduler;

    public JobView(String name, JobScheduler scheduler) {
        this.name = name;
        this.scheduler = scheduler;
    }

    private JobRecord record() {
        return scheduler.records().get(name);
    }

    @Override
    public String getLastRun() {
        return record().lastStart().map(Object::toString).orElse("");
    }

    @Override
    public long getLastDurationMillis() {
        return record().lastDuration().toMillis();
    }

    @Override
    public long getLastDone() {
        return record().lastOutcome().done();
    }

    @Override
    public long getLastFailed() {
        return record().lastOutcome().failed();
    }

    @Override
    public long getBacklog() {
        return record().lastOutcome().backlog();
    }

    @Override
    public String getLastError() {
        return record().lastError();
    }

    @Override
    public long getRuns() {
        return record().runs();
    }

    @Override
    public long getRunsElsewhere() {
        return record().skipped();
    }

    @Override
    public long runNow() {
        return scheduler.runNow(name).map(JobOutcome::done).orElse(-1L);
    }
}
