package org.glancejee.notifications;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsloMessageTest {

    @Test
    void theV2EnvelopeHoldsTheMessageAsAJsonString() {
        OsloMessage message = new OsloMessage("image.create", "INFO", Json.createObjectBuilder().add("id", "x").build(),
                "image.localhost", Instant.parse("2026-12-05T12:00:00.123456Z"));
        JsonObject envelope = Json.createReader(new StringReader(message.body(true))).readObject();
        assertEquals("2.0", envelope.getString("oslo.version"));
        JsonObject inner = Json.createReader(new StringReader(envelope.getString("oslo.message"))).readObject();
        assertEquals("image.create", inner.getString("event_type"));
        assertEquals("INFO", inner.getString("priority"));
        assertEquals("image.localhost", inner.getString("publisher_id"));
        assertEquals("2026-12-05 12:00:00.123456", inner.getString("timestamp"), "Python's str() of a datetime");
        assertEquals("x", inner.getJsonObject("payload").getString("id"));
        assertTrue(inner.getString("_unique_id").matches("[0-9a-f]{32}"));
        assertEquals("notifications.info", message.routingKey("notifications"));
        JsonObject plain = Json.createReader(new StringReader(message.body(false))).readObject();
        assertEquals("image.create", plain.getString("event_type"), "driver messaging: no envelope");
    }

    @Test
    void aTransportUrlIsReadAsOsloReadsIt() {
        RabbitTransport transport = new RabbitTransport("rabbit://glance:p%40ss@10.0.0.1:5673,glance:p%40ss@10.0.0.2/glance",
                "glance", false);
        assertEquals("amqp://[10.0.0.1:5673, 10.0.0.2]glance exchange glance", transport.describe(),
                "both hosts, the vhost, and never the password");
        assertEquals("amqp://[localhost]/ exchange x", new RabbitTransport("rabbit://", "x", false).describe());
        assertThrows(IllegalArgumentException.class, () -> new RabbitTransport("kafka://h:9092", "glance", false));
    }
}
