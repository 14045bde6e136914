package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Glance's notification options ({@code [oslo_messaging_notifications]}, {@code disabled_notifications},
 * {@code default_publisher_id}) and the RabbitMQ ones they need. Off unless a driver is set, as in Glance.
 */
@ApplicationScoped
public class NotificationSettings {

    @Inject
    @ConfigProperty(name = "glance.oslo_messaging_notifications.driver")
    Optional<String> drivers;

    @Inject
    @ConfigProperty(name = "glance.oslo_messaging_notifications.transport_url")
    Optional<String> notificationTransportUrl;

    @Inject
    @ConfigProperty(name = "glance.transport_url")
    Optional<String> transportUrl;

    @Inject
    @ConfigProperty(name = "glance.oslo_messaging_notifications.topics", defaultValue = "notifications")
    List<String> topics;

    @Inject
    @ConfigProperty(name = "glance.control_exchange", defaultValue = "glance")
    String controlExchange;

    @Inject
    @ConfigProperty(name = "glance.oslo_messaging_rabbit.amqp_durable_queues", defaultValue = "false")
    boolean durable;

    @Inject
    @ConfigProperty(name = "glance.default_publisher_id", defaultValue = "image.localhost")
    String publisherId;

    @Inject
    @ConfigProperty(name = "glance.disabled_notifications")
    Optional<String> disabled;

    private Set<String> drivers() {
        return Set.copyOf(ConfigLists.split(drivers));
    }

    /** messagingv2: oslo.messaging's envelope ({"oslo.version": "2.0", "oslo.message": "..."}). */
    public boolean envelope() {
        return drivers().contains("messagingv2");
    }

    /** Whether notifications go to the message bus (driver messagingv2 or messaging). */
    public boolean toMessageBus() {
        return envelope() || drivers().contains("messaging");
    }

    /** Driver log: each notification also written to the log (logger org.glancejee.notifications). */
    public boolean toLog() {
        return drivers().contains("log");
    }

    /** rabbit://user:password@host:port/vhost, the notifications' own or the service's. */
    public Optional<String> transportUrl() {
        return notificationTransportUrl.or(() -> transportUrl).filter(u -> !u.isBlank());
    }

    public List<String> topics() {
        return topics;
    }

    public String exchange() {
        return controlExchange;
    }

    public boolean durable() {
        return durable;
    }

    public String publisherId() {
        return publisherId;
    }

    /** An event is off when its type (image.update) or its group (image) is listed, as in Glance. */
    public boolean disabled(String eventType) {
        String group = eventType.split("\\.", 2)[0];
        List<String> off = ConfigLists.split(disabled);
        return off.contains(eventType) || off.contains(group);
    }
}
