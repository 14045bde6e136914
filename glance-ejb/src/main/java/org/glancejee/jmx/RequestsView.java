package org.glancejee.jmx;

import org.glancejee.metrics.EndpointFigures;
import org.glancejee.metrics.RequestMetrics;

import java.util.List;
import java.util.function.ToLongFunction;

/** The request figures' JMX face. */
public class RequestsView implements RequestsMXBean {
    private final RequestMetrics metrics;

    public RequestsView(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public long getRequests() {
        return sum(EndpointFigures::requests);
    }

    @Override
    public long getClientErrors() {
        return sum(EndpointFigures::clientErrors);
    }

    @Override
    public long getServerErrors() {
        return sum(EndpointFigures::serverErrors);
    }

    @Override
    public List<EndpointStatistics> getEndpoints() {
        return metrics.endpoints().stream().map(EndpointStatistics::new).toList();
    }

    private long sum(ToLongFunction<EndpointFigures> figure) {
        return metrics.endpoints().stream().mapToLong(figure).sum();
    }
}
