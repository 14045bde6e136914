package org.glancejee.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request figures as MicroProfile Metrics in the application registry, which the server serves in
 * Prometheus' text format ({@code GET /metrics?scope=application} on Payara): the counter
 * {@code glance_requests_total} by method, path and status class, and the gauges
 * {@code glance_request_seconds_sum} and {@code glance_request_seconds_max} by method and path (the mean is
 * the sum's rate over the count's). Not a Timer: Payara 6's exporter writes a timer's quantiles in
 * nanoseconds under a name in seconds. Only loaded when the MicroProfile Metrics API is present.
 */
@ApplicationScoped
public class MicroProfileMetricsExport implements MetricsExport {
    private static final Logger LOG = Logger.getLogger(MicroProfileMetricsExport.class.getName());
    private static final Metadata REQUESTS = Metadata.builder().withName("glance_requests")
            .withDescription("Requests answered, by endpoint and status class").build();
    private static final Metadata SECONDS_SUM = Metadata.builder().withName("glance_request_seconds_sum")
            .withDescription("Seconds from requests' arrival to their last byte sent, summed, by endpoint").build();
    private static final Metadata SECONDS_MAX = Metadata.builder().withName("glance_request_seconds_max")
            .withDescription("The longest request since start, in seconds, by endpoint").build();

    // Injected, not looked up: Payara's producer needs an injection point to tell which registry is meant.
    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<EndpointFigures, Boolean> gauged = new ConcurrentHashMap<>();

    static Optional<MetricsExport> create() {
        try {
            var exports = CDI.current().select(MicroProfileMetricsExport.class);
            if (!exports.isResolvable()) {
                LOG.info("No MicroProfile Metrics registry to publish request figures in");
                return Optional.empty();
            }
            MicroProfileMetricsExport export = exports.get();
            export.check();
            return Optional.of(export);
        } catch (RuntimeException unavailable) {
            LOG.log(Level.INFO, "No MicroProfile Metrics registry to publish request figures in", unavailable);
            return Optional.empty();
        }
    }

    /** Fails when the registry cannot be reached. */
    void check() {
        registry.getNames();
    }

    @Override
    public void record(EndpointFigures endpoint, int status) {
        String statusClass = (status / 100) + "xx";
        Tag method = new Tag("method", endpoint.method());
        Tag path = new Tag("path", endpoint.path());
        counters.computeIfAbsent(endpoint.method() + " " + endpoint.path() + " " + statusClass,
                ignored -> registry.counter(REQUESTS, method, path, new Tag("status", statusClass))).inc();
        gauged.computeIfAbsent(endpoint, figures -> {
            registry.gauge(SECONDS_SUM, figures, f -> f.totalNanos() / 1e9, method, path);
            registry.gauge(SECONDS_MAX, figures, f -> f.maxNanos() / 1e9, method, path);
            return true;
        });
    }
}
