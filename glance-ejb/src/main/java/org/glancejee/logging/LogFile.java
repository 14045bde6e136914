package org.glancejee.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * One log file, appended to and flushed line by line. Unlike java.util.logging's FileHandler it keeps the
 * exact name and leaves no lock file; rotate it with logrotate's {@code copytruncate}, as Glance's logs are.
 */
final class LogFile extends StreamHandler {

    LogFile(Path file, Formatter format) throws IOException {
        super(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), format);
        setEncoding("UTF-8");
        setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
    }
}
