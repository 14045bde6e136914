package org.glancejee.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeteredDataSourceTest {
    private final ConnectionUse use = new ConnectionUse();

    private static JdbcDataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void countsConnectionsHeldAndGivenBack() throws SQLException {
        DataSource metered = MeteredDataSource.of(h2("held"), use);

        Connection first = metered.getConnection();
        Connection second = metered.getConnection();
        assertEquals(2, use.inUse());
        first.close();
        first.close();
        assertEquals(1, use.inUse(), "a second close() gives nothing back twice");
        second.close();
        Connection third = metered.getConnection();
        third.close();

        assertEquals(0, use.inUse());
        assertEquals(2, use.peakInUse());
        assertEquals(3, use.acquired());
        assertEquals(0, use.failures());
        assertTrue(use.maxWaitMillis() >= use.meanWaitMillis() && use.meanWaitMillis() > 0);
    }

    @Test
    void connectionsStillWork() throws SQLException {
        try (Connection connection = MeteredDataSource.of(h2("works"), use).getConnection();
             ResultSet result = connection.createStatement().executeQuery("SELECT 41 + 1")) {
            result.next();
            assertEquals(42, result.getInt(1));
            assertTrue(connection.equals(connection));
        }
    }

    @Test
    void countsAFailedAcquisitionAndPassesTheErrorOn() {
        JdbcDataSource refusing = new JdbcDataSource();
        refusing.setURL("jdbc:h2:mem:nowhere;IFEXISTS=TRUE");

        SQLException error = assertThrows(SQLException.class,
                () -> MeteredDataSource.of(refusing, use).getConnection());

        assertTrue(error.getMessage().contains("not found"), error::getMessage);
        assertEquals(1, use.failures());
        assertEquals(0, use.acquired());
        assertEquals(0, use.inUse());
    }

    @Test
    void meteredOnlyOnce() {
        DataSource metered = MeteredDataSource.of(h2("once"), use);
        assertSame(metered, MeteredDataSource.of(metered, use));
    }
}
