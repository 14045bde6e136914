package org.glancejee.notifications;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.glancejee.config.NotificationSettings;
import org.glancejee.persistence.AfterCommit;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the services report what happened. Called inside the change's transaction, a notification is sent
 * only if that transaction commits (and after it has), so nobody hears of an image that was never created;
 * called outside one, it goes at once. Sending never blocks or fails the caller ({@link NotificationSender}).
 */
@ApplicationScoped
public class Notifier {
    private static final Logger LOG = Logger.getLogger("org.glancejee.notifications");

    @Inject
    NotificationSettings settings;

    @Inject
    NotificationSender sender;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private boolean off;

    /** A notifier that sends nothing, as on a server with no notification driver: for services used alone. */
    public static Notifier off() {
        Notifier notifier = new Notifier();
        notifier.off = true;
        return notifier;
    }

    /** The payload is built only when the event is sent; a payload that cannot be built is logged, not thrown. */
    public void info(String eventType, Supplier<JsonValue> payload) {
        notify("INFO", eventType, payload);
    }

    /** Glance sends failures (an upload that failed, a download cut short) at priority ERROR. */
    public void error(String eventType, Supplier<JsonValue> payload) {
        notify("ERROR", eventType, payload);
    }

    public void error(String eventType, String message) {
        notify("ERROR", eventType, () -> Json.createValue(message));
    }

    private void notify(String priority, String eventType, Supplier<JsonValue> built) {
        if (off || !sender.enabled() || settings.disabled(eventType)) {
            return;
        }
        JsonValue payload;
        try {
            payload = built.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification " + eventType + " not sent: its payload could not be made", e);
            return;
        }
        // stamped when it leaves: after the commit, when there is a transaction
        Runnable send = () -> sender.send(new OsloMessage(eventType, priority, payload, settings.publisherId(),
                Instant.now()));
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            AfterCommit.run(transactions, send);
        } else {
            send.run();
        }
    }
}
