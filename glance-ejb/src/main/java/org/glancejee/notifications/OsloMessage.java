package org.glancejee.notifications;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * One notification as oslo.messaging's notifier puts it on the bus: {@code message_id}, {@code publisher_id},
 * {@code event_type}, {@code priority}, {@code payload}, {@code timestamp} (Python's str of a UTC datetime)
 * and the AMQP driver's {@code _unique_id}; with the v2 envelope, that object as a JSON string under
 * {@code oslo.message} beside {@code "oslo.version": "2.0"}. Routed to {@code <topic>.<priority in lower case>}.
 */
public record OsloMessage(String eventType, String priority, JsonValue payload, String publisherId, Instant at) {
    private static final DateTimeFormatter PYTHON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    public JsonObject message() {
        return Json.createObjectBuilder()
                .add("message_id", UUID.randomUUID().toString())
                .add("publisher_id", publisherId)
                .add("event_type", eventType)
                .add("priority", priority)
                .add("payload", payload)
                .add("timestamp", PYTHON_TIME.format(at))
                .add("_unique_id", UUID.randomUUID().toString().replace("-", ""))
                .build();
    }

    /** The body sent: the message itself (driver messaging) or in the v2 envelope (messagingv2). */
    public String body(boolean envelope) {
        JsonObject message = message();
        return envelope
                ? Json.createObjectBuilder().add("oslo.version", "2.0").add("oslo.message", message.toString())
                        .build().toString()
                : message.toString();
    }

    public String routingKey(String topic) {
        return topic + "." + priority.toLowerCase(Locale.ROOT);
    }
}
