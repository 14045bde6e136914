package org.glancejee.metrics;

/** Where request figures are published besides JMX. */
interface MetricsExport {
    MetricsExport NONE = (endpoint, status) -> { };

    /** One more request answered by {@code endpoint} with {@code status}; its figures are already counted. */
    void record(EndpointFigures endpoint, int status);

    /** MicroProfile Metrics when the server provides it (Payara), otherwise nothing (WildFly has no MP Metrics). */
    static MetricsExport ofServer() {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, MetricsExport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            java.util.logging.Logger.getLogger(MetricsExport.class.getName())
                    .info("No MicroProfile Metrics here: request figures are on JMX only");
            return NONE;
        }
        return MicroProfileMetricsExport.create().orElse(NONE);
    }
}
