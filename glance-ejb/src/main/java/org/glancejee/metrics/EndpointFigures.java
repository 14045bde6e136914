package org.glancejee.metrics;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** The requests one endpoint answered since start. */
public final class EndpointFigures {
    private final String method;
    private final String path;
    private final LongAdder requests = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    EndpointFigures(String method, String path) {
        this.method = method;
        this.path = path;
    }

    void record(int status, long nanos) {
        requests.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        totalNanos.add(nanos);
        maxNanos.accumulate(nanos);
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path template, such as {@code /v2/images/{id}}; {@code unmatched} for what no resource served. */
    public String path() {
        return path;
    }

    public long requests() {
        return requests.sum();
    }

    /** Answers with a 4xx status. */
    public long clientErrors() {
        return clientErrors.sum();
    }

    /** Answers with a 5xx status. */
    public long serverErrors() {
        return serverErrors.sum();
    }

    /** Time from the request's arrival until its last byte was sent, summed. */
    public long totalNanos() {
        return totalNanos.sum();
    }

    public long maxNanos() {
        return maxNanos.get();
    }
}
