package org.glancejee.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one database and one file store, each with the scrubber waking every 2 seconds: each round
 * runs on one of them (the other finds the lease taken), and an image deleted on one is scrubbed.
 */
@ExtendWith(GlanceServer.class)
class ClusterJobsIT {
    private static final int WAKEUP_SECONDS = 2;
    private static final int[] JMX_PORTS = {Jmx.freePort(), Jmx.freePort()};
    private static List<GlanceProcess> nodes;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = GlanceServer.startCluster("cluster_jobs", Map.of(
                "GLANCE_DELAYED_DELETE", "true",
                "GLANCE_SCRUB_TIME", "0",
                "GLANCE_WAKEUP_TIME", String.valueOf(WAKEUP_SECONDS)),
                List.of(jvm(0), jvm(1)));
    }

    private static List<String> jvm(int node) {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        options.addAll(Jmx.serverOptions(JMX_PORTS[node]));
        return options;
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (GlanceProcess node : nodes) {
            node.close();
        }
    }

    @Test
    void eachRoundOfAJobRunsOnOneNodeAndItsWorkIsDoneOnce() throws Exception {
        ImageBytes first = new ImageBytes(nodes.get(0).baseUri());
        ImageBytes second = new ImageBytes(nodes.get(1).baseUri());
        String id = first.createRaw("cluster-scrubbed");
        first.uploadOk(id, randomData(50_000, 1101));
        Path file = nodes.get(0).dataDir().getParent().getParent().resolve("images").resolve(id);
        assertTrue(Files.exists(file), "both nodes share the store at " + file);
        assertEquals(204, second.delete("/v2/images/" + id).statusCode());

        long[] before = {runs(0), runs(1)};
        Thread.sleep(Duration.ofSeconds(12).toMillis());
        long[] after = {runs(0), runs(1)};
        long rounds = after[0] - before[0] + after[1] - before[1];
        long elsewhere = elsewhere(0) + elsewhere(1);
        // Six rounds went by; without the lease both nodes would have run each (about twelve runs).
        assertTrue(rounds <= 9, "runs across the cluster: " + rounds);
        assertTrue(rounds >= 3, "the job keeps running: " + rounds);
        assertTrue(elsewhere >= 3, "the other node found the lease taken: " + elsewhere);
        assertTrue(Files.notExists(file), "scrubbed");
        assertEquals(404, first.get("/v2/images/" + id).statusCode());
    }

    private static long runs(int node) throws Exception {
        try (Jmx jmx = Jmx.connect(JMX_PORTS[node])) {
            return (Long) jmx.attribute("org.glancejee:type=Job,name=\"scrubber\"", "Runs");
        }
    }

    private static long elsewhere(int node) throws Exception {
        try (Jmx jmx = Jmx.connect(JMX_PORTS[node])) {
            return (Long) jmx.attribute("org.glancejee:type=Job,name=\"scrubber\"", "RunsElsewhere");
        }
    }
}
