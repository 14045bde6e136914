package org.glancejee.jobs;

/**
 * What one run did.
 *
 * @param done    items finished
 * @param failed  items that failed and are left for the next run
 * @param backlog items still waiting after this run
 */
public record JobOutcome(long done, long failed, long backlog) {
    public static final JobOutcome NOTHING = new JobOutcome(0, 0, 0);
}
