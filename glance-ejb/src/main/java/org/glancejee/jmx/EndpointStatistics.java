package org.glancejee.jmx;

import org.glancejee.metrics.EndpointFigures;

/** One endpoint's row in {@link RequestsMXBean#getEndpoints()}: a JMX composite of these getters. */
public class EndpointStatistics {
    private final EndpointFigures figures;

    EndpointStatistics(EndpointFigures figures) {
        this.figures = figures;
    }

    public String getMethod() {
        return figures.method();
    }

    public String getPath() {
        return figures.path();
    }

    public long getRequests() {
        return figures.requests();
    }

    public long getClientErrors() {
        return figures.clientErrors();
    }

    public long getServerErrors() {
        return figures.serverErrors();
    }

    /** Mean time from arrival to the last byte sent, in milliseconds. */
    public double getMeanMillis() {
        long requests = figures.requests();
        return requests == 0 ? 0 : figures.totalNanos() / 1e6 / requests;
    }

    public double getMaxMillis() {
        return figures.maxNanos() / 1e6;
    }
}
