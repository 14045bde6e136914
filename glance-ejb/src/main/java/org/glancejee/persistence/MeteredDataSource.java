package org.glancejee.persistence;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** A data source that counts into {@link ConnectionUse} each connection taken from it and given back. */
public final class MeteredDataSource implements DataSource {
    private final DataSource pool;
    private final ConnectionUse use;

    private MeteredDataSource(DataSource pool, ConnectionUse use) {
        this.pool = pool;
        this.use = use;
    }

    /** The pool, metered once: a data source already metered is returned as it is. */
    public static DataSource of(DataSource pool, ConnectionUse use) {
        return pool instanceof MeteredDataSource ? pool : new MeteredDataSource(pool, use);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        return counted(() -> pool.getConnection(), start);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        long start = System.nanoTime();
        return counted(() -> pool.getConnection(username, password), start);
    }

    private interface Acquisition {
        Connection get() throws SQLException;
    }

    private Connection counted(Acquisition acquisition, long start) throws SQLException {
        Connection connection;
        try {
            connection = acquisition.get();
        } catch (SQLException | RuntimeException e) {
            use.failed();
            throw e;
        }
        use.acquired(System.nanoTime() - start);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new Release(connection, use));
    }

    /** Passes every call through; the first close() counts the connection as given back. */
    private static final class Release implements InvocationHandler {
        private final Connection connection;
        private final ConnectionUse use;
        private final AtomicBoolean closed = new AtomicBoolean();

        Release(Connection connection, ConnectionUse use) {
            this.connection = connection;
            this.use = use;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
                use.released();
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
