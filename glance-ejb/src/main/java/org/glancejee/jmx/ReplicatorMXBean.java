package org.glancejee.jmx;

/** The replicator's operations: compare with a peer, or replicate to it now. Reports are JSON. */
public interface ReplicatorMXBean {

    /** The configured peers' names. */
    String[] getTargets();

    /** What differs between this server and the peer; changes nothing. */
    String compare(String target);

    /** Makes the peer match this server now, and reports what it did. */
    String replicate(String target);

    /** The last report for the peer, or an empty string when there is none yet. */
    String lastReport(String target);
}
