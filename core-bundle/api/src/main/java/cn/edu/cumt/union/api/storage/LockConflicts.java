package cn.edu.cumt.union.api.storage;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * Runs a whole write transaction again when the database gave up on a lock (Derby 40XL1 lock timeout,
 * 40001 deadlock): the transaction was rolled back, so running it again is safe. Concurrent member
 * writes during an import met it (reliability suite, CrashCheck) and answered 500.
 * Only for transactions started by the caller, never inside an outer one. Plugins use it for their
 * own concurrent writes (e.g. study check-ins): {@code LockConflicts.retry(() -> jpa.txExpr(...))}.
 */
public final class LockConflicts {

    /** Derby: lock timeout, deadlock. PostgreSQL reports both as 40001/40P01. */
    static final Set<String> SQL_STATES = Set.of("40XL1", "40XL2", "40001", "40P01");
    static final int ATTEMPTS = 4;
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(LockConflicts.class);

    private LockConflicts() {
    }

    /**
     * @return what {@code transaction} returns, once it gets through
     * @throws ApiException 503 {@code server.busy} when every attempt met a lock conflict
     */
    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!isLockConflict(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    throw new ApiException(503, "server.busy", "数据库繁忙，请稍后重试", "The database is busy; try again shortly");
                }
                LOG.warn("Lock conflict in a write transaction (attempt {} of {}), running it again", attempt, ATTEMPTS);
                pause(FIRST_PAUSE_MILLIS << (attempt - 1));
            }
        }
    }

    /** @return whether a lock timeout or deadlock is among the causes */
    static boolean isLockConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", e);
        }
    }
}
