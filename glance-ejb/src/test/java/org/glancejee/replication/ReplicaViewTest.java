package org.glancejee.replication;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaViewTest {

    private static final String PEER_IMAGE = """
            {"id": "1d8c3f5e-0000-4000-8000-000000000001", "name": "debian", "status": "active",
             "disk_format": "qcow2", "container_format": "bare", "visibility": "public", "protected": false,
             "min_ram": 512, "min_disk": 0, "owner": "p1", "os_hidden": false, "tags": ["b", "a"],
             "size": 5, "virtual_size": 5, "checksum": "5d41402abc4b2a76b9719d911017c592",
             "os_hash_algo": "sha512", "os_hash_value": "9b71", "created_at": "2026-01-01T00:00:00Z",
             "updated_at": "2026-01-01T00:00:00Z", "self": "/v2/images/x", "file": "/v2/images/x/file",
             "schema": "/v2/schemas/image", "stores": "local", "os_glance_import_task": "t1",
             "os_distro": "debian", "hw_disk_bus": "virtio"}
            """;

    @Test
    void aPeersImageJsonKeepsOnlyWhatUsersSetAsProperties() {
        ReplicaView view = ReplicaView.of(json(PEER_IMAGE));
        assertEquals(java.util.Map.of("os_distro", "debian", "hw_disk_bus", "virtio"), view.metadata().properties());
        assertEquals(java.util.Set.of("a", "b"), view.metadata().tags());
        assertEquals(5L, view.data().size());
        assertEquals("active", view.status());
    }

    @Test
    void theSameImageHasNoDifferences() {
        ReplicaView view = ReplicaView.of(json(PEER_IMAGE));
        assertEquals(List.of(), view.differencesFrom(ReplicaView.of(json(PEER_IMAGE))));
        assertEquals(0, view.patchFor(ReplicaView.of(json(PEER_IMAGE))).size());
    }

    @Test
    void aPatchReplacesChangedFieldsAddsNewPropertiesAndRemovesGoneOnes() {
        ReplicaView theirs = ReplicaView.of(json(PEER_IMAGE));
        ReplicaView mine = ReplicaView.of(json(PEER_IMAGE.replace("\"name\": \"debian\"", "\"name\": \"debian-12\"")
                .replace("\"hw_disk_bus\": \"virtio\"", "\"architecture\": \"x86_64\"")
                .replace("\"tags\": [\"b\", \"a\"]", "\"tags\": [\"a\"]")
                .replace("\"protected\": false", "\"protected\": true")));
        assertEquals(List.of("name", "protected", "tags", "architecture", "hw_disk_bus"), mine.differencesFrom(theirs));
        JsonArray patch = mine.patchFor(theirs);
        assertEquals(json("""
                {"ops": [{"op": "replace", "path": "/name", "value": "debian-12"},
                 {"op": "replace", "path": "/protected", "value": true},
                 {"op": "replace", "path": "/tags", "value": ["a"]},
                 {"op": "add", "path": "/architecture", "value": "x86_64"},
                 {"op": "remove", "path": "/hw_disk_bus"}]}
                """).getJsonArray("ops"), patch);
    }

    @Test
    void theCreateBodyCarriesTheIdAndEverythingReplicatedButNotTheData() {
        JsonObject body = ReplicaView.of(json(PEER_IMAGE)).createBody();
        assertEquals("1d8c3f5e-0000-4000-8000-000000000001", body.getString("id"));
        assertEquals("p1", body.getString("owner"));
        assertEquals("debian", body.getString("os_distro"));
        assertEquals(512, body.getInt("min_ram"));
        assertFalse(body.containsKey("checksum"));
        assertFalse(body.containsKey("status"));
        assertFalse(body.containsKey("os_glance_import_task"));
        assertFalse(body.containsKey("stores"));
    }

    @Test
    void dataMatchesOnSizeChecksumAndTheMultihashOfOneAlgorithm() {
        ReplicaView.DataIdentity mine = new ReplicaView.DataIdentity(5L, "c1", "sha512", "h1");
        assertTrue(mine.matches(new ReplicaView.DataIdentity(5L, "c1", "sha512", "h1")));
        assertFalse(mine.matches(new ReplicaView.DataIdentity(5L, "c1", "sha512", "h2")), "other multihash");
        assertFalse(mine.matches(new ReplicaView.DataIdentity(5L, "c2", "sha512", "h1")), "other checksum");
        assertFalse(mine.matches(new ReplicaView.DataIdentity(6L, "c1", "sha512", "h1")), "other size");
        assertTrue(mine.matches(new ReplicaView.DataIdentity(5L, "c1", "sha256", "x")),
                "a peer hashing with another algorithm is checked by size and checksum");
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
