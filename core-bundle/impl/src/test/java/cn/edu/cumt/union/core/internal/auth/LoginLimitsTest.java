package cn.edu.cumt.union.core.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class LoginLimitsTest {

    private final LoginLimits limits = new LoginLimits(3, 10, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    public void noDelayBeforeTheThreshold() {
        assertEquals(Duration.ZERO, limits.delayBefore(0));
        assertEquals(Duration.ZERO, limits.delayBefore(2));
    }

    @Test
    public void delayGrowsAndIsCapped() {
        assertEquals(Duration.ofMillis(250), limits.delayBefore(3));
        assertEquals(Duration.ofMillis(500), limits.delayBefore(4));
        assertEquals(Duration.ofMillis(1000), limits.delayBefore(5));
        assertEquals(Duration.ofSeconds(2), limits.delayBefore(6));
        assertEquals(Duration.ofSeconds(2), limits.delayBefore(7));
        assertEquals(Duration.ofSeconds(2), limits.delayBefore(1_000_000));
    }

    @Test
    public void locksAtTheLimitForTheConfiguredTime() {
        assertNull(limits.lockUntil(9, now));
        assertEquals(now.plus(Duration.ofMinutes(15)), limits.lockUntil(10, now));
    }

    @Test
    public void lockLiftsByItself() {
        Instant until = now.plus(Duration.ofMinutes(15));
        assertTrue(limits.isLocked(until, now));
        assertTrue(limits.isLocked(until, until.minusSeconds(1)));
        assertFalse(limits.isLocked(until, until));
        assertFalse(limits.isLocked(null, now));
    }

    @Test
    public void countRestartsAtTheDelayThresholdOnceTheLockLifted() {
        Instant until = now.plus(Duration.ofMinutes(15));
        assertEquals(10, limits.countAfterExpiredLock(10, until, now));
        assertEquals(3, limits.countAfterExpiredLock(10, until, until.plusSeconds(1)));
        assertEquals(2, limits.countAfterExpiredLock(2, null, now));
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesNonsense() {
        new LoginLimits(3, 0, Duration.ofMinutes(15));
    }
}
