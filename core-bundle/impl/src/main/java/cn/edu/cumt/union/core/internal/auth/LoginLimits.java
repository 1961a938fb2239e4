package cn.edu.cumt.union.core.internal.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules against password guessing, apart from any storage: after {@code delayAfter} failures in
 * a row each attempt waits (doubling from 250 ms, at most 2 s); at {@code lockAfter} failures the
 * account locks for {@code lockDuration} and then unlocks by itself, never for ever. Once a lock
 * has lifted the count restarts at {@code delayAfter}: the next attempts are slow, and another
 * {@code lockAfter - delayAfter} failures lock again.
 */
public record LoginLimits(int delayAfter, int lockAfter, Duration lockDuration) {

    static final Duration FIRST_DELAY = Duration.ofMillis(250);
    static final Duration MAX_DELAY = Duration.ofSeconds(2);

    public LoginLimits {
        if (delayAfter < 0 || lockAfter < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("login limits must be positive");
        }
    }

    static LoginLimits of(AuthConfig config) {
        return new LoginLimits(config.login_delay_after(), config.login_lock_after(),
                Duration.ofMinutes(config.login_lock_minutes()));
    }

    /** The same rules per source address: {@code login.source.*}. */
    static LoginLimits ofSources(AuthConfig config) {
        return new LoginLimits(config.login_source_delay_after(), config.login_source_block_after(),
                Duration.ofMinutes(config.login_source_block_minutes()));
    }

    /** @return whether a lock set until {@code lockedUntil} still holds at {@code now} */
    public boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** @return the failure count to go on from, once the lock (if any) has lifted */
    public int countAfterExpiredLock(int failures, Instant lockedUntil, Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            return Math.min(failures, delayAfter);
        }
        return failures;
    }

    /** @return how long an attempt waits when this many failures precede it */
    public Duration delayBefore(int failures) {
        if (failures < delayAfter) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - delayAfter, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** @return when the account unlocks after reaching this many failures, or {@code null} for no lock */
    public Instant lockUntil(int failures, Instant now) {
        return failures >= lockAfter ? now.plus(lockDuration) : null;
    }
}
