package org.glancejee.replication;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.glancejee.domain.Image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the replicator compares and copies of an image, read from this server's catalogue or from a peer's
 * image JSON: the metadata a user sets (replicated), the data's identity (verified), and the status.
 * Timestamps, locations and stores are the peer's own, as in Glance's replicator.
 */
public record ReplicaView(String id, String status, Metadata metadata, DataIdentity data) {

    /** The fields a user sets on an image, copied as they are. */
    public record Metadata(String name, String diskFormat, String containerFormat, String visibility,
                           boolean isProtected, int minRam, int minDisk, String owner, boolean osHidden,
                           Set<String> tags, Map<String, String> properties) {
    }

    /** What identifies the data: its size, MD5 checksum and multihash. */
    public record DataIdentity(Long size, String checksum, String hashAlgo, String hashValue) {

        /** Same bytes: size and checksum agree, and the multihash too when both use one algorithm. */
        public boolean matches(DataIdentity other) {
            return Objects.equals(size, other.size) && Objects.equals(checksum, other.checksum)
                    && (hashAlgo == null || !hashAlgo.equals(other.hashAlgo)
                        || Objects.equals(hashValue, other.hashValue));
        }
    }

    /** Image JSON keys that are not extra properties, or that a peer keeps to itself. */
    private static final Set<String> NOT_PROPERTIES = Set.of("id", "name", "status", "visibility", "protected",
            "os_hidden", "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram",
            "min_disk", "disk_format", "container_format", "created_at", "updated_at", "tags", "self", "file",
            "schema", "direct_url", "locations", "stores");
    private static final String RESERVED_PREFIX = "os_glance_";

    public static ReplicaView of(Image image) {
        Map<String, String> properties = new TreeMap<>();
        image.properties().forEach((key, value) -> {
            if (!key.startsWith(RESERVED_PREFIX) && !NOT_PROPERTIES.contains(key)) {
                properties.put(key, value);
            }
        });
        return new ReplicaView(image.id(), image.status().apiName(),
                new Metadata(image.name(), image.diskFormat(), image.containerFormat(), image.visibility().apiName(),
                        image.isProtected(), image.minRam(), image.minDisk(), image.owner(), image.osHidden(),
                        new TreeSet<>(image.tags()), properties),
                new DataIdentity(image.size(), image.checksum(), image.osHashAlgo(), image.osHashValue()));
    }

    /** A peer's image, as its API shows it. */
    public static ReplicaView of(JsonObject json) {
        Map<String, String> properties = new TreeMap<>();
        json.forEach((key, value) -> {
            if (!key.startsWith(RESERVED_PREFIX) && !NOT_PROPERTIES.contains(key)) {
                properties.put(key, value instanceof JsonString s ? s.getString() : value.toString());
            }
        });
        Set<String> tags = new TreeSet<>();
        if (json.get("tags") instanceof JsonArray array) {
            array.forEach(t -> tags.add(((JsonString) t).getString()));
        }
        return new ReplicaView(json.getString("id"), text(json, "status"),
                new Metadata(text(json, "name"), text(json, "disk_format"), text(json, "container_format"),
                        text(json, "visibility"), json.getBoolean("protected", false), number(json, "min_ram"),
                        number(json, "min_disk"), text(json, "owner"), json.getBoolean("os_hidden", false), tags,
                        properties),
                new DataIdentity(json.get("size") instanceof JsonNumber n ? n.longValue() : null,
                        text(json, "checksum"), text(json, "os_hash_algo"), text(json, "os_hash_value")));
    }

    /** The names of the metadata fields in which {@code peer} differs from this image. */
    public List<String> differencesFrom(ReplicaView peer) {
        Metadata mine = metadata;
        Metadata theirs = peer.metadata;
        List<String> differences = new ArrayList<>();
        diff(differences, "name", mine.name(), theirs.name());
        diff(differences, "disk_format", mine.diskFormat(), theirs.diskFormat());
        diff(differences, "container_format", mine.containerFormat(), theirs.containerFormat());
        diff(differences, "visibility", mine.visibility(), theirs.visibility());
        diff(differences, "protected", mine.isProtected(), theirs.isProtected());
        diff(differences, "min_ram", mine.minRam(), theirs.minRam());
        diff(differences, "min_disk", mine.minDisk(), theirs.minDisk());
        diff(differences, "owner", mine.owner(), theirs.owner());
        diff(differences, "os_hidden", mine.osHidden(), theirs.osHidden());
        diff(differences, "tags", mine.tags(), theirs.tags());
        Set<String> keys = new TreeSet<>(mine.properties().keySet());
        keys.addAll(theirs.properties().keySet());
        keys.forEach(key -> diff(differences, key, mine.properties().get(key), theirs.properties().get(key)));
        return differences;
    }

    private static void diff(List<String> differences, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            differences.add(field);
        }
    }

    /** The body that creates this image, with its own id, at a peer. */
    public JsonObject createBody() {
        JsonObjectBuilder body = Json.createObjectBuilder().add("id", id);
        Metadata m = metadata;
        addText(body, "name", m.name());
        addText(body, "disk_format", m.diskFormat());
        addText(body, "container_format", m.containerFormat());
        addText(body, "visibility", m.visibility());
        addText(body, "owner", m.owner());
        body.add("protected", m.isProtected()).add("min_ram", m.minRam()).add("min_disk", m.minDisk())
                .add("os_hidden", m.osHidden()).add("tags", tags(m.tags()));
        m.properties().forEach(body::add);
        return body.build();
    }

    /** The JSON patch (Glance's openstack-images-v2.1 media type) that makes {@code peer} look like this image. */
    public JsonArray patchFor(ReplicaView peer) {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        Metadata mine = metadata;
        Metadata theirs = peer.metadata;
        for (String field : differencesFrom(peer)) {
            JsonValue value = switch (field) {
                case "name" -> text(mine.name());
                case "disk_format" -> text(mine.diskFormat());
                case "container_format" -> text(mine.containerFormat());
                case "visibility" -> text(mine.visibility());
                case "owner" -> text(mine.owner());
                case "protected" -> mine.isProtected() ? JsonValue.TRUE : JsonValue.FALSE;
                case "os_hidden" -> mine.osHidden() ? JsonValue.TRUE : JsonValue.FALSE;
                case "min_ram" -> Json.createValue(mine.minRam());
                case "min_disk" -> Json.createValue(mine.minDisk());
                case "tags" -> tags(mine.tags()).build();
                default -> mine.properties().containsKey(field) ? text(mine.properties().get(field)) : null;
            };
            String path = "/" + field.replace("~", "~0").replace("/", "~1");
            if (value == null) {
                ops.add(Json.createObjectBuilder().add("op", "remove").add("path", path));
            } else {
                boolean newProperty = mine.properties().containsKey(field) && !theirs.properties().containsKey(field);
                ops.add(Json.createObjectBuilder().add("op", newProperty ? "add" : "replace").add("path", path)
                        .add("value", value));
            }
        }
        return ops.build();
    }

    private static JsonArrayBuilder tags(Set<String> tags) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        tags.forEach(array::add);
        return array;
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static void addText(JsonObjectBuilder body, String key, String value) {
        if (value != null) {
            body.add(key, value);
        }
    }

    private static String text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static int number(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? n.intValue() : 0;
    }
}
