package org.glancejee.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.ReplicationSettings;
import org.glancejee.config.ReplicationSettings.Target;
import org.glancejee.domain.NotFoundException;
import org.glancejee.replication.ReplicationReport.Entry;
import org.glancejee.replication.ReplicationReport.Outcome;
import org.glancejee.service.DownloadPlan;
import org.glancejee.service.ImageDataService;
import org.glancejee.service.ImageDataTransactions;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replicates this server's images to peer image services (Glance's glance-replicator, over the v2 API):
 * compares what each peer has with what is here, and on request makes the peer match: creates missing images
 * with their ids and metadata, copies their data and checks the peer's checksum and multihash, patches changed
 * metadata, and deletes what was deleted here. Every step looks at the peer's state first, so a run cut off
 * anywhere is finished by the next one.
 */
@ApplicationScoped
public class Replicator {
    private static final Logger LOG = Logger.getLogger("org.glancejee.replication");
    private static final Set<String> BEING_WRITTEN = Set.of("saving", "uploading", "importing");

    @Inject
    ReplicationSettings settings;

    @Inject
    ReplicationSource source;

    @Inject
    ImageDataTransactions data;

    @Inject
    ImageDataService reader;

    private final Map<String, PeerGlance> peers = new ConcurrentHashMap<>();
    private final Map<String, ReplicationReport> lastReports = new ConcurrentHashMap<>();

    public List<String> targets() {
        return settings.targets().stream().map(Target::name).toList();
    }

    /** What differs between here and the peer, changing nothing. */
    public ReplicationReport compare(String target) {
        return run(target(target), false);
    }

    /** Makes the peer match this server, as far as it can; one run per peer at a time. */
    public ReplicationReport replicate(String target) {
        return run(target(target), true);
    }

    /** The last report of each peer, by name. */
    public Map<String, ReplicationReport> lastReports() {
        return Map.copyOf(lastReports);
    }

    private Target target(String name) {
        return settings.target(name).orElseThrow(() -> new NotFoundException("No replication target named '"
                + name + "'; configured: " + targets()));
    }

    private ReplicationReport run(Target target, boolean apply) {
        PeerGlance peer = peers.computeIfAbsent(target.name(), n -> new PeerGlance(target));
        synchronized (peer) {
            Instant started = Instant.now();
            ReplicationFilter filter = new ReplicationFilter(settings.projects(), settings.visibilities(),
                    settings.tags());
            List<Entry> differences = new ArrayList<>();
            int compared = 0;
            String error = null;
            try {
                Map<String, ReplicaView> there = peer.images();
                List<ReplicaView> here = source.activeImages(filter);
                compared = here.size();
                for (ReplicaView image : here) {
                    Optional<Entry> entry = compare(image, there.get(image.id()));
                    entry.map(e -> apply ? repair(peer, image, there.get(image.id()), e) : e)
                            .ifPresent(differences::add);
                }
                if (settings.deleteRemoved()) {
                    for (ReplicaView deleted : source.deletedImages(filter)) {
                        ReplicaView theirs = there.get(deleted.id());
                        if (theirs != null) {
                            Entry entry = new Entry(deleted.id(), deleted.metadata().name(), Difference.DELETED_HERE,
                                    "status there: " + theirs.status(), Outcome.NONE, "");
                            differences.add(apply ? removeThere(peer, theirs, entry) : entry);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                error = e.getMessage();
                LOG.log(Level.WARNING, "Replication to " + target + " stopped", e);
            }
            int inSync = compared - (int) differences.stream()
                    .filter(e -> e.difference() != Difference.DELETED_HERE).count();
            ReplicationReport report = new ReplicationReport(target.name(), started, Instant.now(), apply,
                    compared, inSync, List.copyOf(differences), error);
            lastReports.put(target.name(), report);
            LOG.info((apply ? "Replicated to " : "Compared with ") + target + ": " + compared + " images, "
                    + inSync + " in sync, " + differences.size() + " different"
                    + (apply ? " (" + report.count(Outcome.DONE) + " done, " + report.count(Outcome.FAILED)
                    + " failed)" : ""));
            return report;
        }
    }

    /** How the peer's copy differs, if it does. */
    private static Optional<Entry> compare(ReplicaView image, ReplicaView theirs) {
        String name = image.metadata().name();
        if (theirs == null) {
            return Optional.of(entry(image, Difference.MISSING, "not there"));
        }
        String status = theirs.status();
        if ("queued".equals(status)) {
            return Optional.of(entry(image, Difference.NO_DATA, "queued there"));
        }
        if (!"active".equals(status) && !"deactivated".equals(status)) {
            return Optional.of(entry(image, Difference.UNUSABLE_THERE, BEING_WRITTEN.contains(status)
                    ? status + " there: being written" : status + " there"));
        }
        if (!image.data().matches(theirs.data())) {
            return Optional.of(entry(image, Difference.DATA_DIFFERS, "checksum here " + image.data().checksum()
                    + ", there " + theirs.data().checksum()));
        }
        List<String> fields = image.differencesFrom(theirs);
        return fields.isEmpty() ? Optional.empty()
                : Optional.of(new Entry(image.id(), name, Difference.METADATA, String.join(", ", fields),
                        Outcome.NONE, ""));
    }

    private static Entry entry(ReplicaView image, Difference difference, String detail) {
        return new Entry(image.id(), image.metadata().name(), difference, detail, Outcome.NONE, "");
    }

    private Entry repair(PeerGlance peer, ReplicaView image, ReplicaView theirs, Entry entry) {
        if (!entry.difference().repairable()) {
            return outcome(entry, Outcome.LEFT_ALONE, "for an operator to look at");
        }
        try {
            switch (entry.difference()) {
                case MISSING -> {
                    peer.create(image.createBody());
                    copyData(peer, image);
                }
                case NO_DATA -> {
                    if (!image.differencesFrom(theirs).isEmpty()) {
                        peer.patch(image.id(), image.patchFor(theirs));
                    }
                    copyData(peer, image);
                }
                case METADATA -> peer.patch(image.id(), image.patchFor(theirs));
                default -> throw new IllegalStateException(entry.difference().name());
            }
            return outcome(entry, Outcome.DONE, "");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not replicate image " + image.id() + " to " + peer.name() + ": "
                    + e.getMessage());
            return outcome(entry, Outcome.FAILED, e.getMessage());
        }
    }

    /** Streams the data from this server's stores to the queued image there, then checks what the peer got. */
    private void copyData(PeerGlance peer, ReplicaView image) throws IOException {
        DownloadPlan plan = data.planActive(image.id()).orElseThrow(() -> new IOException(
                "the image has no data here any more"));
        try (InputStream in = reader.openFromStores(plan)) {
            peer.upload(image.id(), in, plan.size());
        }
        ReplicaView copy = peer.show(image.id()).orElseThrow(() -> new IOException("the copy vanished there"));
        if (!"active".equals(copy.status()) || !image.data().matches(copy.data())) {
            peer.delete(image.id());
            throw new IOException("the copy there is " + copy.status() + " with checksum " + copy.data().checksum()
                    + " / " + copy.data().hashAlgo() + " " + copy.data().hashValue() + " where this server has "
                    + image.data().checksum() + " / " + image.data().hashAlgo() + " " + image.data().hashValue()
                    + "; it was deleted there");
        }
    }

    private Entry removeThere(PeerGlance peer, ReplicaView theirs, Entry entry) {
        try {
            if (theirs.metadata().isProtected()) {
                peer.patch(theirs.id(), jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json
                        .createObjectBuilder().add("op", "replace").add("path", "/protected").add("value", false))
                        .build());
            }
            peer.delete(theirs.id());
            return outcome(entry, Outcome.DONE, "");
        } catch (IOException | RuntimeException e) {
            return outcome(entry, Outcome.FAILED, e.getMessage());
        }
    }

    private static Entry outcome(Entry entry, Outcome outcome, String message) {
        return new Entry(entry.imageId(), entry.name(), entry.difference(), entry.detail(), outcome,
                message == null ? "" : message);
    }
}
