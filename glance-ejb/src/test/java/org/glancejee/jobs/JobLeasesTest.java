package org.glancejee.jobs;

import org.flywaydb.core.Flyway;
import org.glancejee.persistence.DatabaseMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers' leases on one database (the schema the server migrates to, on H2): while one runs a job the
 * other does not, a run that fails frees the lease, and the lease of a server that died runs out.
 */
class JobLeasesTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private JdbcDataSource database;
    private JobLeases serverA;
    private JobLeases serverB;

    @BeforeEach
    void twoServersOnOneDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .placeholders(DatabaseMigrator.placeholders(false)).load().migrate();
        serverA = new JobLeases(database);
        serverB = new JobLeases(database);
    }

    @Test
    void aJobRunsOnOneServerAtATime() {
        Optional<Optional<String>> inner = serverA.underLease("scrubber", MINUTE,
                () -> serverB.underLease("scrubber", MINUTE, () -> "ran on B too"));
        assertEquals(Optional.of(Optional.empty()), inner, "B may not run while A holds the lease");
        assertEquals(Optional.of("B"), serverB.underLease("scrubber", MINUTE, () -> "B"), "free again after A's run");
        assertEquals(Optional.of("other job"), serverA.underLease("scrubber", MINUTE,
                () -> serverB.underLease("purge", MINUTE, () -> "other job").orElseThrow()), "leases are per job");
    }

    @Test
    void aTimedRoundKeepsItsLeaseSoTheOtherServersTimerDoesNotRunItAgain() throws Exception {
        assertEquals(Optional.of("A"), serverA.underLease("scrubber", MINUTE, Duration.ofSeconds(1), () -> "A"));
        assertEquals(Optional.empty(), serverB.underLease("scrubber", MINUTE, () -> "B in the same round"));
        Thread.sleep(1200);
        assertEquals(Optional.of("B"), serverB.underLease("scrubber", MINUTE, () -> "B"), "next round");
    }

    @Test
    void aRunThatFailsFreesItsLease() {
        assertThrows(IllegalStateException.class, () -> serverA.underLease("scrubber", MINUTE, () -> {
            throw new IllegalStateException("store down");
        }));
        assertEquals(Optional.of(1), serverB.underLease("scrubber", MINUTE, () -> 1));
    }

    @Test
    void theLeaseOfAServerThatDiedRunsOut() throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)")) {
            Instant now = Instant.now();
            insert.setString(1, "scrubber");
            insert.setTimestamp(2, Timestamp.from(now.plusSeconds(2)));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setString(4, "a-server-that-died");
            insert.executeUpdate();
        }
        assertEquals(Optional.empty(), serverB.underLease("scrubber", MINUTE, () -> "too early"));
        Thread.sleep(2500);
        assertTrue(serverB.underLease("scrubber", MINUTE, () -> "after it ran out").isPresent());
    }
}
