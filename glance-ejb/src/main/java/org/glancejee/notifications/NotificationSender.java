package org.glancejee.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.NotificationSettings;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends notifications from one background thread, in order. While the broker is away it keeps retrying the
 * oldest (backing off to 30 s) and queues up to 10,000 more; beyond that new ones are dropped and counted,
 * so an outage of the message bus never slows or fails the API.
 */
@ApplicationScoped
public class NotificationSender {
    private static final Logger LOG = Logger.getLogger("org.glancejee.notifications");
    private static final int CAPACITY = 10_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    NotificationSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final BlockingQueue<OsloMessage> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private RabbitTransport transport;
    private Thread worker;
    private volatile boolean running;

    @PostConstruct
    void start() {
        if (settings.toMessageBus()) {
            if (settings.transportUrl().isEmpty()) {
                LOG.severe("Notifications: driver " + (settings.envelope() ? "messagingv2" : "messaging")
                        + " needs oslo_messaging_notifications.transport_url (or transport_url); none are sent");
                return;
            }
            try {
                transport = new RabbitTransport(settings.transportUrl().get(), settings.exchange(), settings.durable());
            } catch (IllegalArgumentException e) {
                LOG.severe("Notifications: " + e.getMessage() + "; none are sent");
                return;
            }
            running = true;
            worker = threads.newThread(this::run);
            worker.setName("glance-notifications");
            worker.start();
            LOG.info("Notifications go to " + transport.describe() + " with topics " + settings.topics());
        }
    }

    public boolean enabled() {
        return transport != null || settings.toLog();
    }

    void send(OsloMessage message) {
        if (settings.toLog()) {
            LOG.info("Notification " + message.eventType() + " (" + message.priority() + "): " + message.payload());
        }
        if (transport != null && !queue.offer(message)) {
            dropped.increment();
            if (dropped.sum() % 1000 == 1) {
                LOG.warning("Notifications: the queue is full (the message bus is away); dropped " + dropped.sum()
                        + " so far");
            }
        }
    }

    /** Notifications published since start. */
    public long sent() {
        return sent.sum();
    }

    /** Notifications dropped because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        boolean failing = false;
        while (running) {
            OsloMessage next;
            try {
                next = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            while (next != null && running) {
                try {
                    for (String topic : settings.topics()) {
                        transport.publish(next.routingKey(topic), next.body(settings.envelope()));
                    }
                    sent.increment();
                    if (failing) {
                        LOG.info("Notifications: the message bus answers again");
                        failing = false;
                    }
                    backoff = Duration.ofSeconds(1);
                    next = queue.poll();
                } catch (Exception e) {
                    transport.close();
                    if (!failing) {
                        LOG.log(Level.WARNING, "Notifications: cannot publish to " + transport.describe()
                                + " (" + e.getMessage() + "); retrying", LOG.isLoggable(Level.FINE) ? e : null);
                        failing = true;
                    }
                    if (!pause(backoff)) {
                        return;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
    }

    private boolean pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (transport != null) {
            transport.close();
        }
    }
}
