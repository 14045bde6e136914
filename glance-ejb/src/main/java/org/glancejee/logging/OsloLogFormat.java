package org.glancejee.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Lines as Glance's logs read (oslo.log's default format), so the tools and habits operators have for Glance
 * work here: {@code 2026-12-05 12:00:00.123 4242 INFO org.glancejee.imports.ImportJob [req-... user project] text}.
 */
final class OsloLogFormat extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final long PID = ProcessHandle.current().pid();

    @Override
    public String format(LogRecord record) {
        String message = LogContext.tagged(formatMessage(record));
        StringBuilder line = new StringBuilder(160).append(TIME.format(record.getInstant())).append(' ').append(PID)
                .append(' ').append(level(record.getLevel())).append(' ').append(record.getLoggerName()).append(' ')
                .append(message).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    /** oslo's level names. */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (value >= Level.CONFIG.intValue()) {
            return "INFO";
        }
        return "DEBUG";
    }
}
