package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.glancejee.it.ImageBytes.md5;
import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageBytes.sha512;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replicator copies this server's images to peers: the real Glance 25 (Debian's, run by glance-up.sh) and
 * a second server of ours. Only images tagged "replicate" go; images deleted here are deleted there. Each
 * copy is checked where it landed: its metadata, checksum and multihash, and its bytes downloaded there.
 */
@ExtendWith(GlanceServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationIT {
    private static final int JMX_PORT = Jmx.freePort();
    private static final String REPLICATOR = "org.glancejee:type=Replicator";
    private static final String JOB = "org.glancejee:type=Job,name=\"replicator\"";

    @RegisterExtension
    static final OwnServer OURS = new OwnServer("replica", Map.of());

    private static RealGlance glance;
    private static GlanceProcess source;
    private static ImageBytes here;

    private static final byte[] ALPHA = randomData(3 << 20, 2001);
    private static final byte[] BETA = randomData(100_000, 2002);
    private static final byte[] DOOMED = randomData(10_000, 2003);
    private static String alpha;
    private static String beta;
    private static String doomed;
    private static String untagged;
    private static String noData;

    @BeforeAll
    static void startPeersAndSource() throws Exception {
        glance = RealGlance.start("replication");
        source = GlanceServer.startSeparate("replication_source", Map.of(
                "GLANCE_REPLICATOR_TARGETS", "glance,ours",
                "GLANCE_REPLICATOR_GLANCE_URL", glance.baseUri().toString(),
                "GLANCE_REPLICATOR_OURS_URL", OURS.api().base().toString(),
                "GLANCE_REPLICATOR_TAGS", "replicate",
                "GLANCE_REPLICATOR_DELETE_REMOVED", "true"), Jmx.serverOptions(JMX_PORT));
        here = new ImageBytes(source.baseUri());
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            // The job's first timed round comes soon after start; let it pass so it does not race these tests.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((Long) jmx.attribute(JOB, "Runs") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(1L, jmx.attribute(JOB, "Runs"), "the timed round ran");
            assertEquals("", jmx.attribute(JOB, "LastError"));
        }
        alpha = here.create("{\"name\": \"alpha\", \"disk_format\": \"raw\", \"container_format\": \"bare\","
                + " \"min_disk\": 1, \"visibility\": \"public\", \"min_ram\": 512,"
                + " \"tags\": [\"replicate\", \"linux\"], \"os_distro\": \"debian\", \"hw_watchdog_action\": \"reset\"}");
        here.uploadOk(alpha, ALPHA);
        beta = here.create("{\"name\": \"beta\", \"disk_format\": \"raw\", \"container_format\": \"bare\","
                + " \"visibility\": \"private\", \"owner\": \"project-b\", \"os_hidden\": true,"
                + " \"tags\": [\"replicate\"]}");
        here.uploadOk(beta, BETA);
        doomed = taggedImage("doomed", DOOMED);
        untagged = here.createRaw("untagged");
        here.uploadOk(untagged, randomData(1000, 2004));
        noData = here.create("{\"name\": \"no-data\", \"disk_format\": \"raw\", \"container_format\": \"bare\","
                + " \"tags\": [\"replicate\"]}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (source != null) {
            source.close();
        }
        if (glance != null) {
            glance.close();
        }
    }

    @Test
    @Order(1)
    void aComparisonReportsWhatThePeerLacksAndChangesNothing() throws Exception {
        for (String peer : List.of("glance", "ours")) {
            JsonObject report = call("compare", peer);
            assertEquals(3, report.getInt("compared"), peer + ": the active images tagged replicate");
            assertEquals(0, report.getInt("in_sync"));
            assertEquals(Map.of(alpha, "missing", beta, "missing", doomed, "missing"), differences(report));
        }
        for (ImageBytes peer : List.of(glance.api(), OURS.api())) {
            assertEquals(404, peer.get("/v2/images/" + alpha).statusCode(), "a comparison copies nothing");
        }
    }

    @Test
    @Order(2)
    void replicationCopiesImagesWithTheirMetadataAndVerifiedData() throws Exception {
        for (String peer : List.of("glance", "ours")) {
            JsonObject report = call("replicate", peer);
            assertEquals(3, report.getInt("done"), peer + ": " + report);
            assertEquals(0, report.getInt("failed"), peer + ": " + report);
        }
        for (ImageBytes peer : List.of(glance.api(), OURS.api())) {
            JsonObject a = peer.show(alpha);
            assertEquals("active", a.getString("status"));
            assertEquals("alpha", a.getString("name"));
            assertEquals(1, a.getInt("min_disk"));
            assertEquals("public", a.getString("visibility"));
            assertEquals(512, a.getInt("min_ram"));
            assertEquals("debian", a.getString("os_distro"));
            assertEquals("reset", a.getString("hw_watchdog_action"));
            assertEquals(List.of("linux", "replicate"), tags(a));
            assertEquals(md5(ALPHA), a.getString("checksum"));
            assertEquals("sha512", a.getString("os_hash_algo"));
            assertEquals(sha512(ALPHA), a.getString("os_hash_value"));
            assertEquals(ALPHA.length, a.getJsonNumber("size").longValue());
            assertArrayEquals(ALPHA, peer.download(alpha).body(), "the bytes as downloaded there");

            JsonObject b = peer.show(beta);
            assertEquals("private", b.getString("visibility"));
            assertEquals("project-b", b.getString("owner"));
            assertTrue(b.getBoolean("os_hidden"));
            assertArrayEquals(BETA, peer.download(beta).body());
            assertArrayEquals(DOOMED, peer.download(doomed).body());

            assertEquals(404, peer.get("/v2/images/" + untagged).statusCode(), "not tagged replicate");
            assertEquals(404, peer.get("/v2/images/" + noData).statusCode(), "no data yet: not active");
        }
        for (String peer : List.of("glance", "ours")) {
            JsonObject again = call("compare", peer);
            assertEquals(3, again.getInt("in_sync"), peer + ": " + again);
            assertEquals(Map.of(), differences(again));
        }
    }

    @Test
    @Order(3)
    void changedMetadataAndDeletionsFollow() throws Exception {
        assertEquals(200, here.send("PATCH", "/v2/images/" + alpha, "[{\"op\": \"replace\", \"path\": \"/name\","
                        + " \"value\": \"alpha-2\"}, {\"op\": \"remove\", \"path\": \"/hw_watchdog_action\"},"
                        + " {\"op\": \"add\", \"path\": \"/architecture\", \"value\": \"x86_64\"},"
                        + " {\"op\": \"add\", \"path\": \"/protected\", \"value\": true}]",
                "Content-Type", "application/openstack-images-v2.1-json-patch").statusCode());
        assertEquals(204, here.delete("/v2/images/" + doomed).statusCode());

        JsonObject compared = call("compare", "glance");
        assertEquals(Map.of(alpha, "metadata", doomed, "deleted_here"), differences(compared));
        for (String peer : List.of("glance", "ours")) {
            JsonObject report = call("replicate", peer);
            assertEquals(2, report.getInt("done"), peer + ": " + report);
        }
        for (ImageBytes peer : List.of(glance.api(), OURS.api())) {
            JsonObject a = peer.show(alpha);
            assertEquals("alpha-2", a.getString("name"));
            assertEquals("x86_64", a.getString("architecture"));
            assertFalse(a.containsKey("hw_watchdog_action"));
            assertTrue(a.getBoolean("protected"));
            assertEquals(404, peer.get("/v2/images/" + doomed).statusCode(), "deleted here, so deleted there");
        }
    }

    @Test
    @Order(4)
    void aCopyCutOffEarlierIsFinishedAndAPeerCopyWithOtherBytesIsLeftAlone() throws Exception {
        byte[] gammaData = randomData(500_000, 2005);
        String gamma = taggedImage("gamma", gammaData);
        // What an interrupted run leaves at a peer: the image created, its data never arrived (Glance puts an
        // image whose upload broke back to queued).
        glance.api().create("{\"id\": \"" + gamma + "\", \"name\": \"gamma-partial\", \"disk_format\": \"raw\","
                + " \"container_format\": \"bare\"}");
        // Ours has an image with that id and other bytes.
        OURS.api().create("{\"id\": \"" + gamma + "\", \"name\": \"gamma\", \"disk_format\": \"raw\","
                + " \"container_format\": \"bare\", \"tags\": [\"replicate\"]}");
        byte[] other = randomData(500_000, 2006);
        OURS.api().uploadOk(gamma, other);

        assertEquals(Map.of(gamma, "no_data"), differences(call("compare", "glance")));
        JsonObject toGlance = call("replicate", "glance");
        assertEquals(1, toGlance.getInt("done"), toGlance.toString());
        JsonObject g = glance.api().show(gamma);
        assertEquals("active", g.getString("status"));
        assertEquals("gamma", g.getString("name"), "its metadata put right too");
        assertEquals(List.of("replicate"), tags(g));
        assertEquals(sha512(gammaData), g.getString("os_hash_value"));
        assertArrayEquals(gammaData, glance.api().download(gamma).body());

        JsonObject toOurs = call("replicate", "ours");
        assertEquals(Map.of(gamma, "data_differs"), differences(toOurs));
        assertEquals(1, toOurs.getInt("left_alone"));
        assertEquals(0, toOurs.getInt("done"));
        assertArrayEquals(other, OURS.api().download(gamma).body(), "the peer's data is not overwritten");
    }

    @Test
    @Order(5)
    void theJobReplicatesToEveryPeer() throws Exception {
        byte[] deltaData = randomData(20_000, 2007);
        String delta = taggedImage("delta", deltaData);
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            assertEquals(2L, jmx.invoke(JOB, "runNow"), "delta to each peer");
            assertEquals("", jmx.attribute(JOB, "LastError"));
            assertEquals(1L, jmx.attribute(JOB, "Backlog"), "gamma at ours waits for an operator");
            JsonObject last = parse((String) jmx.invoke(REPLICATOR, "lastReport", "glance"));
            assertEquals(4, last.getInt("compared"), "alpha, beta, gamma, delta");
        }
        assertArrayEquals(deltaData, glance.api().download(delta).body());
        assertArrayEquals(deltaData, OURS.api().download(delta).body());
    }

    /** An active raw image here, tagged to be replicated. */
    private static String taggedImage(String name, byte[] data) {
        String id = here.create("{\"name\": \"" + name + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\","
                + " \"tags\": [\"replicate\"]}");
        here.uploadOk(id, data);
        return id;
    }

    private static JsonObject call(String operation, String peer) throws Exception {
        try (Jmx jmx = Jmx.connect(JMX_PORT)) {
            return parse((String) jmx.invoke(REPLICATOR, operation, peer));
        }
    }

    private static Map<String, String> differences(JsonObject report) {
        assertFalse(report.containsKey("error"), report.toString());
        return report.getJsonArray("differences").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(e -> e.getString("id"), e -> e.getString("difference")));
    }

    private static List<String> tags(JsonObject image) {
        return image.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).sorted().toList();
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
