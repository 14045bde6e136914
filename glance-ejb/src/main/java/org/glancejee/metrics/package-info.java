/**
 * Figures about the service's own work for operators: requests by endpoint (counts, errors, latencies),
 * kept in memory, read over JMX and, where the server offers MicroProfile Metrics, at its {@code /metrics}.
 */
package org.glancejee.metrics;
