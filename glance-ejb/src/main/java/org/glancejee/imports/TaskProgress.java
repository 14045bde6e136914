package org.glancejee.imports;

import org.glancejee.domain.GoneException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells a running task how far its import got ("Copied 15 MiB", as Glance says), at most every few seconds,
 * and stops the import when the task is no longer processing.
 */
final class TaskProgress {
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private static final long MIB = 1024 * 1024;

    private final ImportTransactions transactions;
    private final String taskId;
    private long lastNote = System.nanoTime();

    TaskProgress(ImportTransactions transactions, String taskId) {
        this.transactions = transactions;
        this.taskId = taskId;
    }

    /** Bytes fetched into staging so far. */
    void fetched(long bytes) {
        maybeNote(bytes);
    }

    /** Wraps the stream going to the store so that its bytes are reported. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                    maybeNote(count);
                }
                return n;
            }
        };
    }

    private void maybeNote(long bytes) {
        long now = System.nanoTime();
        if (now - lastNote < INTERVAL_NANOS) {
            return;
        }
        lastNote = now;
        if (!transactions.progress(taskId, "Copied " + bytes / MIB + " MiB")) {
            throw new GoneException("The import task " + taskId + " is no longer running; aborting import.");
        }
    }
}
