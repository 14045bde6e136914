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

    /** A lease name for a job over one server's own files: one per server, within the 64 characters of a name. */
    static String perServer(String name, String node) {
        String lease = name + "@" + node;
        return lease.length() <= 64 ? lease : lease.substring(0, 64);
    }

    /** Whether it runs on this server at all (a job of a feature that is off does not). */
    default boolean enabled() {
        return true;
    }

    /** How often it runs. */
    Duration interval();

    /** Longest a run may hold the lease; a server that dies holding it frees it after this. */
    Duration leaseAtMost();

    /** Does one round of work. */
    JobOutcome run();
}
