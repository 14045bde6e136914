package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glance's notifications, consumed from a real RabbitMQ as Ceilometer would consume them: the oslo.messaging
 * v2 envelope on the control exchange {@code glance}, queue {@code notifications.info} (and
 * {@code notifications.error}), events in the order things happened and payloads as Glance's notifier makes them.
 */
@ExtendWith(GlanceServer.class)
class NotificationsIT {
    private static final String INFO = "notifications.info";
    private static final String ERROR = "notifications.error";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RabbitServer rabbit;
    private static GlanceProcess server;
    private static ImageBytes api;

    @BeforeAll
    static void start() throws Exception {
        rabbit = RabbitServer.start(Path.of(System.getProperty("glance.it.workdir"), GlanceServer.runName(),
                "rabbitmq"));
        server = GlanceServer.startSeparate("notifying", Map.of(
                "GLANCE_OSLO_MESSAGING_NOTIFICATIONS_DRIVER", "messagingv2",
                "GLANCE_OSLO_MESSAGING_NOTIFICATIONS_TRANSPORT_URL", rabbit.transportUrl(),
                "GLANCE_DISABLED_NOTIFICATIONS", "task.run"), List.of("-XX:TieredStopAtLevel=1"));
        api = new ImageBytes(server.baseUri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @Test
    void anImagesLifeIsToldInOrderWithGlancesPayloads() throws Exception {
        String id = api.createRaw("told-" + UUID.randomUUID());
        byte[] data = randomData(4096, 501);
        api.uploadOk(id, data);
        assertEquals(200, api.send("PATCH", "/v2/images/" + id,
                "[{\"op\": \"add\", \"path\": \"/hw_disk_bus\", \"value\": \"virtio\"},"
                        + " {\"op\": \"replace\", \"path\": \"/visibility\", \"value\": \"shared\"}]").statusCode());
        assertEquals(200, api.postJson("/v2/images/" + id + "/members", "{\"member\": \"project-b\"}").statusCode());
        assertEquals(200, api.download(id).statusCode());
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());

        List<JsonObject> messages = messagesAbout(INFO, id, "image.delete");
        assertEquals(List.of("image.create", "image.prepare", "image.upload", "image.activate", "image.update",
                "image.member.create", "image.send", "image.delete"), eventTypes(messages));

        JsonObject created = payload(messages.get(0));
        assertEquals("queued", created.getString("status"));
        assertEquals(id, created.getString("id"));
        assertEquals(false, created.getBoolean("is_public"));
        assertEquals("shared", created.getString("visibility"), "Glance's default");
        assertTrue(created.isNull("size"));
        assertTrue(created.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertFalse(created.containsKey("locations"), "locations may carry credentials: never sent");
        assertEquals("queued", payload(messages.get(1)).getString("status"), "prepared before the data comes");
        assertEquals(0, payload(messages.get(1)).getJsonArray("os_glance_importing_to_stores").size());
        JsonObject activated = payload(messages.get(3));
        assertEquals("active", activated.getString("status"));
        assertEquals(data.length, activated.getInt("size"));
        assertEquals(ImageBytes.md5(data), activated.getString("checksum"));
        JsonObject updated = payload(messages.get(4));
        assertEquals("virtio", updated.getJsonObject("properties").getString("hw_disk_bus"));
        assertEquals("shared", updated.getString("visibility"));
        JsonObject member = payload(messages.get(5));
        assertEquals(id, member.getString("image_id"));
        assertEquals("project-b", member.getString("member_id"));
        assertEquals("pending", member.getString("status"));
        JsonObject sent = payload(messages.get(6));
        assertEquals(data.length, sent.getInt("bytes_sent"));
        assertEquals(id, sent.getString("image_id"));
        JsonObject deleted = payload(messages.get(7));
        assertTrue(deleted.getBoolean("deleted"));
        assertFalse(deleted.isNull("deleted_at"));

        JsonObject message = messages.get(0);
        assertEquals("image.localhost", message.getString("publisher_id"));
        assertEquals("INFO", message.getString("priority"));
        assertTrue(message.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"),
                message.getString("timestamp"));
        assertFalse(message.getString("message_id").isBlank());
    }

    @Test
    void anImportsTaskIsToldFromCreationToSuccess() throws Exception {
        String id = api.createRaw("imported-" + UUID.randomUUID());
        assertEquals(204, api.put("/v2/images/" + id + "/stage", randomData(3000, 502),
                "Content-Type", "application/octet-stream").statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());
        assertEquals("active", api.awaitStatus(id, "active", WAIT));
        String taskId = Json.createReader(new StringReader(api.get("/v2/images/" + id + "/tasks").body())).readObject()
                .getJsonArray("tasks").getJsonObject(0).getString("id");

        List<JsonObject> messages = messagesAbout(INFO, List.of(id, taskId), "task.success");
        List<String> events = eventTypes(messages);
        assertEquals(List.of("image.create", "task.create", "task.processing", "image.upload", "image.activate",
                "task.success"), events.stream().filter(e -> !e.equals("image.update")).toList(),
                "in order, without task.run, which disabled_notifications turns off");
        JsonObject task = payload(messages.get(events.indexOf("task.success")));
        assertEquals("api_image_import", task.getString("type"));
        assertEquals("success", task.getString("status"));
        assertFalse(task.containsKey("input"), "a task's input may hold secrets: never sent");
        assertTrue(task.isNull("result"));
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
    }

    @Test
    void aFailedUploadIsAnErrorNotificationAndNothingIsToldOfWhatDidNotHappen() throws Exception {
        String id = api.createRaw("refused-" + UUID.randomUUID());
        HttpResponse<String> refused = api.upload(id, randomData(1000, 503), "x-openstack-image-size", "999");
        assertEquals(400, refused.statusCode(), refused.body());

        List<RabbitServer.Delivery> errors = rabbit.take(ERROR, d -> d.body().contains(id), WAIT);
        assertFalse(errors.isEmpty(), "an image.upload at priority ERROR");
        JsonObject error = message(errors.get(errors.size() - 1));
        assertEquals("image.upload", error.getString("event_type"));
        assertEquals("ERROR", error.getString("priority"));
        assertTrue(error.getString("payload").contains(id), error.toString());
        assertEquals("application/json", errors.get(0).contentType());
        assertEquals(ERROR, errors.get(0).routingKey());

        assertEquals(200, api.send("PATCH", "/v2/images/" + id,
                "[{\"op\": \"add\", \"path\": \"/name\", \"value\": \"last\"}]").statusCode());
        List<String> events = eventTypes(messagesAbout(INFO, id, "image.update"));
        assertEquals(List.of("image.create", "image.prepare", "image.update"), events,
                "no image.upload or image.activate for the refused data");
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
    }

    @Test
    void theMetadefsCatalogueChangesAreToldWithOldNamesAndDeletions() throws Exception {
        String ns = "Told" + UUID.randomUUID().toString().replace("-", "");
        String base = "/v2/metadefs/namespaces/" + ns;
        assertEquals(201, api.postJson("/v2/metadefs/namespaces", "{\"namespace\": \"" + ns
                + "\", \"display_name\": \"Told\", \"protected\": false}").statusCode());
        assertEquals(201, api.postJson(base + "/properties", "{\"name\": \"hw_speed\", \"title\": \"Speed\","
                + " \"type\": \"integer\", \"minimum\": 1}").statusCode());
        assertEquals(201, api.postJson(base + "/objects", "{\"name\": \"Box\", \"required\": [\"size\"],"
                + " \"properties\": {\"size\": {\"type\": \"string\", \"title\": \"Size\"}}}").statusCode());
        assertEquals(201, api.post(base + "/tags/fast").statusCode());
        assertEquals(200, api.send("PUT", base + "/tags/fast", "{\"name\": \"faster\"}").statusCode());
        assertEquals(204, api.delete(base + "/properties/hw_speed").statusCode());
        assertEquals(204, api.delete(base).statusCode());

        List<JsonObject> messages = messagesAbout(INFO, ns, "metadef_namespace.delete");
        assertEquals(List.of("metadef_namespace.create", "metadef_property.create", "metadef_object.create",
                "metadef_tag.create", "metadef_tag.update", "metadef_property.delete", "metadef_namespace.delete"),
                eventTypes(messages));
        JsonObject namespace = payload(messages.get(0));
        assertEquals("Told", namespace.getString("display_name"));
        assertEquals(ns, namespace.getString("namespace_old"));
        JsonObject property = payload(messages.get(1));
        assertEquals("hw_speed", property.getString("name"));
        assertEquals("integer", property.getString("type"));
        assertEquals(1, property.getInt("minimum"));
        assertTrue(property.isNull("maximum"), "keywords not given are null, as in Glance");
        JsonObject object = payload(messages.get(2));
        assertEquals("size", object.getJsonArray("properties").getJsonObject(0).getString("name"));
        assertEquals("size", object.getJsonArray("required").getString(0));
        JsonObject renamed = payload(messages.get(4));
        assertEquals("faster", renamed.getString("name"));
        assertEquals("fast", renamed.getString("name_old"));
        assertTrue(payload(messages.get(5)).getBoolean("deleted"));
        assertTrue(payload(messages.get(6)).getBoolean("deleted"));
    }

    @Test
    void whileTheBrokerIsAwayTheApiAnswersAndNotificationsFollowWhenItIsBack() throws Exception {
        rabbit.stop();
        String id;
        try {
            long start = System.nanoTime();
            id = api.createRaw("while-away-" + UUID.randomUUID());
            assertEquals(204, api.delete("/v2/images/" + id).statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10,
                    "the API does not wait for the message bus");
        } finally {
            rabbit.start();
        }
        assertEquals(List.of("image.create", "image.delete"), eventTypes(messagesAbout(INFO, id, "image.delete")));
    }

    /** The messages of {@code queue} about an image (by payload), up to the first of event {@code last}. */
    private static List<JsonObject> messagesAbout(String queue, String imageId, String last) throws Exception {
        return messagesAbout(queue, List.of(imageId), last);
    }

    /** The messages of {@code queue} whose payload names one of {@code ids}, up to the first of {@code last}. */
    private static List<JsonObject> messagesAbout(String queue, List<String> ids, String last) throws Exception {
        List<RabbitServer.Delivery> deliveries = rabbit.take(queue, d -> {
            JsonObject message = message(d);
            return message.getString("event_type").equals(last) && names(message, ids);
        }, WAIT);
        List<JsonObject> about = deliveries.stream().map(NotificationsIT::message).filter(m -> names(m, ids)).toList();
        assertFalse(about.isEmpty() || !about.get(about.size() - 1).getString("event_type").equals(last),
                "no " + last + " for " + ids + " in " + eventTypes(about));
        return about;
    }

    private static boolean names(JsonObject message, List<String> ids) {
        String payload = message.get("payload").toString();
        return ids.stream().anyMatch(payload::contains);
    }

    /** The oslo message inside the v2 envelope. */
    private static JsonObject message(RabbitServer.Delivery delivery) {
        JsonObject envelope = Json.createReader(new StringReader(delivery.body())).readObject();
        assertEquals("2.0", envelope.getString("oslo.version"));
        return Json.createReader(new StringReader(envelope.getString("oslo.message"))).readObject();
    }

    private static JsonObject payload(JsonObject message) {
        return message.getJsonObject("payload");
    }

    private static List<String> eventTypes(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("event_type")).toList();
    }
}
