package org.glancejee.replication;

import java.util.Set;

/** Which images a replication takes: by owner, visibility and tags (any of them); an empty set admits all. */
public record ReplicationFilter(Set<String> projects, Set<String> visibilities, Set<String> tags) {

    public boolean admits(ReplicaView image) {
        ReplicaView.Metadata m = image.metadata();
        return (projects.isEmpty() || projects.contains(m.owner()))
                && (visibilities.isEmpty() || visibilities.contains(m.visibility()))
                && (tags.isEmpty() || m.tags().stream().anyMatch(tags::contains));
    }
}
