package org.glancejee.jmx;

/**
 * The catalogue database as this server sees it, as {@code org.glancejee:type=Database}: whether it answers
 * and how fast, and how this application uses the connection pool (every connection it takes, counted
 * whichever server owns the pool). A rising {@code MaxConnectionWaitMillis} or any {@code ConnectionFailures}
 * means the pool is too small or the database is not answering.
 */
public interface DatabaseMXBean {
    /** Product and version, as the JDBC driver reports them. */
    String getProduct();

    /** The JNDI name of the data source in use: the built-in one, or the server's (glance.db.datasource). */
    String getDataSource();

    /** Whether the database answers a trivial query now. */
    boolean isAvailable();

    /** How long that query took just now, in milliseconds (-1 when it failed). */
    double getRoundTripMillis();

    /** The built-in pool's bounds; -1 when the pool is the server's (see its configuration). */
    int getMinPoolSize();

    int getMaxPoolSize();

    /** Connections this application holds now. */
    int getConnectionsInUse();

    /** The most it held at once since start. */
    int getPeakConnectionsInUse();

    /** Connections taken from the pool since start. */
    long getConnectionsAcquired();

    /** Times the pool gave none (timeout, database down) since start. */
    long getConnectionFailures();

    /** Mean and longest wait for a connection, in milliseconds. */
    double getMeanConnectionWaitMillis();

    double getMaxConnectionWaitMillis();
}
