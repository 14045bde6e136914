package org.glancejee.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts and times every request by endpoint (method and path template, never the ids in the URL, so the
 * figures stay few). Also handed to MicroProfile Metrics when the server has it.
 */
@ApplicationScoped
public class RequestMetrics {
    private static final Logger LOG = Logger.getLogger(RequestMetrics.class.getName());
    /** Path of requests no resource matched (404s for unknown URLs, refusals before routing). */
    public static final String UNMATCHED = "unmatched";

    private final Map<String, EndpointFigures> endpoints = new ConcurrentHashMap<>();
    private MetricsExport export = MetricsExport.NONE;

    @PostConstruct
    void findExport() {
        export = MetricsExport.ofServer();
        if (export != MetricsExport.NONE) {
            LOG.info("Request figures are also published through MicroProfile Metrics (application scope)");
        }
    }

    public void record(String method, String path, int status, long nanos) {
        EndpointFigures figures = endpoints.computeIfAbsent(method + " " + path,
                ignored -> new EndpointFigures(method, path));
        figures.record(status, nanos);
        try {
            export.record(figures, status);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "MicroProfile Metrics refused a figure", e);
        }
    }

    /** Every endpoint that answered at least once, by path then method. */
    public List<EndpointFigures> endpoints() {
        return endpoints.values().stream()
                .sorted(Comparator.comparing(EndpointFigures::path).thenComparing(EndpointFigures::method)).toList();
    }
}
