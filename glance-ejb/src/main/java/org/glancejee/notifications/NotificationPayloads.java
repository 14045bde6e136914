package org.glancejee.notifications;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageMember;
import org.glancejee.domain.Task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * The payloads Glance's notifier sends: fields and formats as its format_*_notification functions give
 * them (times as {@code 2026-12-05T12:00:00Z}). Never locations (they may carry credentials), never a task's
 * input.
 */
public final class NotificationPayloads {
    private NotificationPayloads() {
    }

    public static JsonObject image(Image image) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        new TreeMap<>(image.properties()).forEach((key, value) -> {
            if (!key.equals(Image.STAGE_HOST)) {
                properties.add(key, value);
            }
        });
        JsonArrayBuilder tags = Json.createArrayBuilder();
        image.tags().stream().sorted().forEach(tags::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", image.id());
        text(json, "name", image.name());
        json.add("status", image.status().apiName());
        json.add("created_at", time(image.createdAt()));
        json.add("updated_at", time(image.updatedAt()));
        json.add("min_disk", image.minDisk());
        json.add("min_ram", image.minRam());
        json.add("protected", image.isProtected());
        text(json, "checksum", image.checksum());
        text(json, "owner", image.owner());
        text(json, "disk_format", image.diskFormat());
        text(json, "container_format", image.containerFormat());
        number(json, "size", image.size());
        number(json, "virtual_size", image.virtualSize());
        json.add("is_public", image.visibility().apiName().equals("public"));
        json.add("visibility", image.visibility().apiName());
        json.add("properties", properties);
        json.add("tags", tags);
        json.add("deleted", false);
        json.addNull("deleted_at");
        return json.build();
    }

    /** image.delete's: the image as it was, then deleted now. */
    public static JsonObject deletedImage(Image image, Instant now) {
        return Json.createObjectBuilder(image(image)).add("deleted", true).add("deleted_at", time(now)).build();
    }

    /** image.prepare's and image.upload's extra fields: the stores an import is writing to, and those that failed. */
    public static JsonObject withImportStores(JsonObject image, List<String> importing, List<String> failed,
                                              String backend) {
        JsonObjectBuilder json = Json.createObjectBuilder(image)
                .add("os_glance_importing_to_stores", Json.createArrayBuilder(importing))
                .add("os_glance_failed_import", Json.createArrayBuilder(failed));
        if (backend != null) {
            json.add("backend", backend);
        }
        return json.build();
    }

    public static JsonObject member(ImageMember member) {
        return Json.createObjectBuilder()
                .add("image_id", member.imageId())
                .add("member_id", member.member())
                .add("status", member.status().apiName())
                .add("created_at", time(member.createdAt()))
                .add("updated_at", time(member.updatedAt()))
                .add("deleted", false)
                .addNull("deleted_at")
                .build();
    }

    public static JsonObject removedMember(ImageMember member, Instant now) {
        return Json.createObjectBuilder(member(member)).add("deleted", true).add("deleted_at", time(now)).build();
    }

    /** As Glance's: result and message always null, input left out (it may hold secrets). */
    public static JsonObject task(Task task) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", task.id())
                .add("type", task.type())
                .add("status", task.status().apiName())
                .addNull("result");
        text(json, "owner", task.owner());
        json.addNull("message");
        if (task.expiresAt() == null) {
            json.addNull("expires_at");
        } else {
            json.add("expires_at", time(task.expiresAt()));
        }
        return json.add("created_at", time(task.createdAt()))
                .add("updated_at", time(task.updatedAt()))
                .add("deleted", false)
                .addNull("deleted_at")
                .build();
    }

    /** image.send's: who received how many bytes of whose image. */
    public static JsonObject send(String imageId, String ownerId, String receiverProject, String receiverUser,
                                  long bytesSent) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("bytes_sent", bytesSent).add("image_id", imageId);
        text(json, "owner_id", ownerId);
        text(json, "receiver_tenant_id", receiverProject);
        text(json, "receiver_user_id", receiverUser);
        return json.build();
    }

    /** oslo's isotime: UTC, whole seconds, "Z". */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void number(JsonObjectBuilder json, String name, Long value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
