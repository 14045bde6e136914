package org.glancejee.jmx;

/** One background job on this server, as {@code org.glancejee:type=Job,name=<job>}. */
public interface JobMXBean {
    /** When its last run here started (ISO-8601), or empty. */
    String getLastRun();

    long getLastDurationMillis();

    /** Items its last run finished. */
    long getLastDone();

    /** Items its last run failed on (tried again next time). */
    long getLastFailed();

    /** Items waiting after its last run. */
    long getBacklog();

    /** Why its last run failed, or empty. */
    String getLastError();

    long getRuns();

    /** Times it was due here but another server held its lease. */
    long getRunsElsewhere();

    /** Runs it now (if no other server holds its lease); returns the items done, or -1 when it ran elsewhere. */
    long runNow();
}
