package org.glancejee.logging;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLinesTest {

    @Test
    void aLineWrittenDuringARequestNamesItOnceAsOsloDoes() {
        LogRecord record = new LogRecord(Level.WARNING, "Image {0} is odd");
        record.setParameters(new Object[] {"abc"});
        record.setLoggerName("org.glancejee.service.ImageService");
        try (LogContext.Scope ignored = LogContext.enter("req-1", null, null)) {
            LogContext.identify("user-9", "project-7");
            new RequestIdStamp().publish(record);
            new RequestIdStamp().publish(record);
            String line = new OsloLogFormat().format(record);
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\d+ WARNING "
                    + "org\\.glancejee\\.service\\.ImageService \\[req-1 user-9 project-7] Image abc is odd\n"), line);
        }
        assertTrue(LogContext.current().isEmpty(), "gone after the request");
    }

    @Test
    void outsideARequestNothingIsAdded() {
        LogRecord record = new LogRecord(Level.INFO, "started");
        record.setLoggerName("x");
        new RequestIdStamp().publish(record);
        assertEquals("started", record.getMessage());
        assertTrue(new OsloLogFormat().format(record).endsWith(" INFO x started\n"));
    }

    @Test
    void aClientsRequestIdCannotBreakMessageFormattingOrTheLine() {
        try (LogContext.Scope ignored = LogContext.enter("req-{0}'\n\"x")) {
            assertEquals("[req-_0____x - -]", LogContext.current().orElseThrow().tag());
        }
    }

    @Test
    void backgroundWorkStartedByARequestCarriesItsContext() throws Exception {
        Runnable[] work = new Runnable[1];
        String[] seen = new String[1];
        try (LogContext.Scope ignored = LogContext.enter("req-2", "u", "p")) {
            work[0] = LogContext.carried(() -> seen[0] = LogContext.current().orElseThrow().tag());
        }
        CompletableFuture.runAsync(work[0]).get();
        assertEquals("[req-2 u p]", seen[0]);
        assertFalse(LogContext.current().isPresent());
    }

    @Test
    void levelsByOslosNamesOrJavas() {
        assertEquals(Level.FINE, ServiceLogs.level("debug").orElseThrow());
        assertEquals(Level.WARNING, ServiceLogs.level("WARN").orElseThrow());
        assertEquals(Level.SEVERE, ServiceLogs.level("ERROR").orElseThrow());
        assertEquals(Level.FINEST, ServiceLogs.level("FINEST").orElseThrow());
        assertTrue(ServiceLogs.level("LOUD").isEmpty());
        assertEquals("ERROR", OsloLogFormat.level(Level.SEVERE));
        assertEquals("DEBUG", OsloLogFormat.level(Level.FINER));
    }
}
