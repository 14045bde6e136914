package org.glancejee.logging;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request a thread is working for, so log lines can name it: set for the length of a request, and
 * carried into background work that a request started (an import).
 */
public final class LogContext {
    private static final ThreadLocal<Entry> CURRENT = new ThreadLocal<>();
    private static final Pattern NOT_LOGGABLE = Pattern.compile("[^A-Za-z0-9._:@-]");

    /** What a log line says of the request: its id, and who made it once known. */
    public record Entry(String requestId, String userId, String projectId) {
        /** oslo.log's {@code [req-... user project]}, with "-" for what is unknown. */
        public String tag() {
            return "[" + requestId + " " + orDash(userId) + " " + orDash(projectId) + "]";
        }

        private static String orDash(String value) {
            return value == null ? "-" : loggable(value);
        }
    }

    /** Ends what {@link #enter} began, putting back what the thread had before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private LogContext() {
    }

    public static Scope enter(String requestId, String userId, String projectId) {
        Entry previous = CURRENT.get();
        CURRENT.set(new Entry(loggable(requestId), userId, projectId));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static Scope enter(String requestId) {
        return enter(requestId, null, null);
    }

    /** Records who the current request acts for, once the caller is identified. */
    public static void identify(String userId, String projectId) {
        Entry entry = CURRENT.get();
        if (entry != null) {
            CURRENT.set(new Entry(entry.requestId(), userId, projectId));
        }
    }

    public static Optional<Entry> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The message with the current request's tag in front, once; as it is outside a request. */
    static String tagged(String message) {
        Entry entry = CURRENT.get();
        if (entry == null) {
            return message;
        }
        String tag = entry.tag();
        return message.startsWith(tag) ? message : tag + " " + message;
    }

    /** Work to run on another thread in the context of this one (or in none, if this one has none). */
    public static Runnable carried(Runnable work) {
        Entry entry = CURRENT.get();
        if (entry == null) {
            return work;
        }
        return () -> {
            try (Scope ignored = enter(entry.requestId(), entry.userId(), entry.projectId())) {
                work.run();
            }
        };
    }

    /** A client's request id is printable ASCII; braces and quotes would upset message formatting. */
    private static String loggable(String value) {
        return value == null ? "-" : NOT_LOGGABLE.matcher(value).replaceAll("_");
    }
}
