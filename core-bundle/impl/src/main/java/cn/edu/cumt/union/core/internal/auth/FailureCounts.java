package cn.edu.cumt.union.core.internal.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins per key (a source address, an unknown username, an account and source pair), in
 * memory, under the same {@link LoginLimits} rules as an account's count in the database. At most
 * {@code maxEntries} keys are kept; the least recently used goes first. A plain synchronized
 * {@link LinkedHashMap} in access order does this in O(1): no cache library (Caffeine would be one
 * more bundle for three small maps), and the lock is held for nanoseconds next to a password hash
 * of ~100 ms. Thread-safe.
 */
final class FailureCounts {

    /** A key's count, the lock it caused (or null), and when it last failed. */
    record Count(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    private final boolean lapses;
    private volatile int maxEntries;
    private final Map<String, Count> counts = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > maxEntries;
        }
    };

    /**
     * @param lapses whether a count is forgotten once a lock's duration passed without a failure
     *        (sources: yes; usernames: no, as an account's count in the database does not lapse)
     */
    FailureCounts(int maxEntries, boolean lapses) {
        this.maxEntries = maxEntries;
        this.lapses = lapses;
    }

    /** A smaller bound applies from the next failure recorded. */
    void bound(int entries) {
        maxEntries = entries;
    }

    /** @return until when the key is locked at {@code now}, or {@code null} */
    synchronized Instant lockedUntil(String key, LoginLimits limits, Instant now) {
        Count count = counts.get(key);
        return count != null && limits.isLocked(count.lockedUntil(), now) ? count.lockedUntil() : null;
    }

    /** @return the failures that count at {@code now}: after a lifted lock, from the delay threshold */
    synchronized int failures(String key, LoginLimits limits, Instant now) {
        return current(counts.get(key), limits, now);
    }

    /** Counts one failure. @return until when the key is now locked, or {@code null} */
    synchronized Instant fail(String key, LoginLimits limits, Instant now) {
        int failures = current(counts.get(key), limits, now) + 1;
        Instant lockedUntil = limits.lockUntil(failures, now);
        counts.put(key, new Count(failures, lockedUntil, now));
        return lockedUntil;
    }

    synchronized void clear(String key) {
        counts.remove(key);
    }

    synchronized int size() {
        return counts.size();
    }

    private int current(Count count, LoginLimits limits, Instant now) {
        if (count == null) {
            return 0;
        }
        Instant quietSince = count.lockedUntil() == null ? count.lastFailure() : count.lockedUntil();
        if (lapses && !now.isBefore(quietSince.plus(limits.lockDuration()))) {
            return 0; // no failure (and no lock) for a lock's length: forgotten
        }
        return limits.countAfterExpiredLock(count.failures(), count.lockedUntil(), now);
    }
}
