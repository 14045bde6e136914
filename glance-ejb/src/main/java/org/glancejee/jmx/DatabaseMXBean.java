package org.glancejee.jmx;

/**
 * The catalogue database as this server sees it, as {@code org.glancejee:type=Database}. The connection
 * pool's live use is the application server's to report (Payara: its monitoring; WildFly: the datasource's
 * statistics); this tells whether the database answers and how fast.
 */
public interface DatabaseMXBean {
    /** Product and version, as the JDBC driver reports them. */
    String getProduct();

    /** Whether the database answers a trivial query now. */
    boolean isAvailable();

    /** How long that query took just now, in milliseconds (-1 when it failed). */
    double getRoundTripMillis();

    /** The pool's configured bounds. */
    int getMinPoolSize();

    int getMaxPoolSize();
}
