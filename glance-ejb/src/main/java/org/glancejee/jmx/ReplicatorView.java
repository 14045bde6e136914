package org.glancejee.jmx;

import org.glancejee.replication.ReplicationReport;
import org.glancejee.replication.Replicator;

/** The replicator's JMX face. */
public class ReplicatorView implements ReplicatorMXBean {
    private final Replicator replicator;

    public ReplicatorView(Replicator replicator) {
        this.replicator = replicator;
    }

    @Override
    public String[] getTargets() {
        return replicator.targets().toArray(String[]::new);
    }

    @Override
    public String compare(String target) {
        requireKnown(target);
        return replicator.compare(target).toJson().toString();
    }

    @Override
    public String replicate(String target) {
        requireKnown(target);
        return replicator.replicate(target).toJson().toString();
    }

    /** An unknown name is refused with a type every JMX client has. */
    private void requireKnown(String target) {
        if (!replicator.targets().contains(target)) {
            throw new IllegalArgumentException("No replication target named '" + target + "'; configured: "
                    + replicator.targets());
        }
    }

    @Override
    public String lastReport(String target) {
        ReplicationReport report = replicator.lastReports().get(target);
        return report == null ? "" : report.toJson().toString();
    }
}
