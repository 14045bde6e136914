package org.glancejee.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobRecordTest {
    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(5);

    @Test
    void aJobThatNeverFiredIsStalledThreeIntervalsAndAMinuteAfterTheSchedulerStarted() {
        JobRecord record = new JobRecord();
        assertFalse(record.stalled(START, EVERY, START.plus(Duration.ofMinutes(16))));
        assertTrue(record.stalled(START, EVERY, START.plus(Duration.ofMinutes(16).plusSeconds(1))));
    }

    @Test
    void aRunHereOrElsewhereCountsAsTheTimerFiring() {
        JobRecord ran = new JobRecord();
        ran.ran(START.plus(Duration.ofMinutes(30)), Duration.ofSeconds(1), JobOutcome.NOTHING);
        assertFalse(ran.stalled(START, EVERY, START.plus(Duration.ofMinutes(40))));

        JobRecord failed = new JobRecord();
        failed.failed(START.plus(Duration.ofMinutes(30)), Duration.ofSeconds(1), new IllegalStateException("x"));
        assertFalse(failed.stalled(START, EVERY, START.plus(Duration.ofMinutes(40))));
        assertTrue(failed.stalled(START, EVERY, START.plus(Duration.ofMinutes(47))));

        JobRecord elsewhere = new JobRecord();
        elsewhere.leaseHeldElsewhere();
        assertFalse(elsewhere.stalled(START, EVERY, Instant.now().plus(Duration.ofMinutes(10))));
    }
}
