package org.glancejee.jobs;

import java.time.Duration;

/** Work that runs on a timer, on one server of the cluster at a time. */
public interface BackgroundJob {

    /** The job's name: its lease, its JMX name and its log's. */
    String name();

    /**
     * The lease it runs under: its name, so one server of the cluster runs it; a job over this server's own
     * files names its lease after the server too.
     */
    default String leaseName() {
        return name();
    }

    /** How often it runs. */
    Duration interval();

    /** Longest a run may hold the lease; a server that dies holding it frees it after this. */
    Duration leaseAtMost();

    /** Does one round of work. */
    JobOutcome run();
}
