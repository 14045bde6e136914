package org.glancejee.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.glancejee.persistence.ConnectionUse;

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
 * the sum's rate over the count's); and the connection pool's use as {@code glance_db_connections_*} gauges.
 * Not a Timer: Payara 6's exporter writes a timer's quantiles in
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

    /** Per endpoint, its counters by status class (index 1 to 5), registered when first needed. */
    private final Map<EndpointFigures, Counter[]> counters = new ConcurrentHashMap<>();

    static Optional<MetricsExport> create() {
        try {
            var exports = CDI.current().select(MicroProfileMetricsExport.class);
            if (!exports.isResolvable()) {
                LOG.info("No MicroProfile Metrics registry to publish request figures in");
                return Optional.empty();
            }
            MicroProfileMetricsExport export = exports.get();
            export.registerDatabaseGauges();
            return Optional.of(export);
        } catch (RuntimeException unavailable) {
            LOG.log(Level.INFO, "No MicroProfile Metrics registry to publish request figures in", unavailable);
            return Optional.empty();
        }
    }

    /** The connection pool's use ({@link ConnectionUse}); fails when the registry cannot be reached. */
    void registerDatabaseGauges() {
        ConnectionUse use = ConnectionUse.APPLICATION;
        registry.gauge(gauge("glance_db_connections_in_use", "Catalogue connections this server holds now"),
                use, ConnectionUse::inUse);
        registry.gauge(gauge("glance_db_connections_peak", "Most catalogue connections held at once since start"),
                use, ConnectionUse::peakInUse);
        registry.gauge(gauge("glance_db_connections_acquired", "Catalogue connections taken from the pool since start"),
                use, ConnectionUse::acquired);
        registry.gauge(gauge("glance_db_connection_failures", "Times the pool gave no connection since start"),
                use, ConnectionUse::failures);
        registry.gauge(gauge("glance_db_connection_wait_seconds_max", "The longest wait for a connection since start"),
                use, u -> u.maxWaitMillis() / 1e3);
    }

    private static Metadata gauge(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    @Override
    public void record(EndpointFigures endpoint, int status) {
        Counter[] byClass = counters.computeIfAbsent(endpoint, this::registerGauges);
        int statusClass = Math.min(Math.max(status / 100, 1), 5);
        if (byClass[statusClass] == null) {
            // two threads may both get here: the registry hands both the same counter
            byClass[statusClass] = registry.counter(REQUESTS, tags(endpoint, new Tag("status", statusClass + "xx")));
        }
        byClass[statusClass].inc();
    }

    private Counter[] registerGauges(EndpointFigures endpoint) {
        registry.gauge(SECONDS_SUM, endpoint, f -> f.totalNanos() / 1e9, tags(endpoint));
        registry.gauge(SECONDS_MAX, endpoint, f -> f.maxNanos() / 1e9, tags(endpoint));
        return new Counter[6];
    }

    private static Tag[] tags(EndpointFigures endpoint, Tag... more) {
        Tag[] tags = new Tag[2 + more.length];
        tags[0] = new Tag("method", endpoint.method());
        tags[1] = new Tag("path", endpoint.path());
        System.arraycopy(more, 0, tags, 2, more.length);
        return tags;
    }
}
