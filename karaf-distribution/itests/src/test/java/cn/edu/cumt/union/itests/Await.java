package cn.edu.cumt.union.itests;

import java.time.Duration;

/** Polls a condition until it holds or a deadline passes; the only way these tests wait. */
public final class Await {

    private static final long POLL_MILLIS = 50;

    /** A check that may throw while the system is not ready yet (refused connections and the like). */
    @FunctionalInterface
    public interface Condition {
        boolean met() throws Exception;
    }

    private Await() {
    }

    /**
     * Returns how long it took until {@code condition} held; fails with {@code what} and the last
     * exception the condition threw once {@code timeout} has passed.
     */
    public static Duration until(String what, Duration timeout, Condition condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.met()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError failure = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: " + what);
                if (last != null) {
                    failure.initCause(last);
                }
                throw failure;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what, e);
            }
        }
    }
}
