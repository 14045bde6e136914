package org.glancejee.store;

import java.util.concurrent.atomic.LongAdder;

/** What went through one store since start: bytes in and out, calls, and calls that failed. */
public final class StoreTraffic {
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder writes = new LongAdder();
    final LongAdder reads = new LongAdder();
    final LongAdder deletes = new LongAdder();
    final LongAdder errors = new LongAdder();

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    public long writes() {
        return writes.sum();
    }

    public long reads() {
        return reads.sum();
    }

    public long deletes() {
        return deletes.sum();
    }

    public long errors() {
        return errors.sum();
    }
}
