package cn.edu.cumt.union.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets by hand ({@code clock.now = ...}), in UTC. */
public final class TestClock extends Clock {

    /** What {@link #instant()} answers; tests move it. */
    public Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
