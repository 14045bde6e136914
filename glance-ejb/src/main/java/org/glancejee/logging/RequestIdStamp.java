package org.glancejee.logging;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Puts the request's tag in front of the message of every record logged under {@code org.glancejee} while a
 * request is served. It writes nothing itself: java.util.logging hands the same record to the parent
 * loggers' handlers afterwards, so the application server's own log shows the tag too.
 */
final class RequestIdStamp extends Handler {

    @Override
    public void publish(LogRecord record) {
        if (record.getMessage() != null) {
            record.setMessage(LogContext.tagged(record.getMessage()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
