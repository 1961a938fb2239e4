package cn.edu.cumt.union.core.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase's change-log lock after a crash. Liquibase takes a row lock in its lock table while it migrates
 * and frees it at the end; a JVM killed meanwhile (a power loss, {@code kill -9}) leaves it taken, and every
 * later start waits for it and gives up. Before a migration the platform frees such a lock when, and only
 * when, the holder is provably gone:
 * <ul>
 * <li>on an embedded Derby, always: only one JVM can have the database open, and this one holds no lock
 * before it migrates (migrations are serialised here);</li>
 * <li>on a shared database (PostgreSQL, several nodes), only a lock taken by a process of this host that
 * no longer runs; a lock held by another host, or by a live process, is never touched.</li>
 * </ul>
 * The holder is named in the lock's {@code LOCKEDBY} through Liquibase's {@code liquibase.hostDescription}
 * ({@code host#union-pid-<pid>-<start millis> (address)}), set before Liquibase first loads.
 */
final class StaleSchemaLock {

    private static final Logger LOG = LoggerFactory.getLogger(StaleSchemaLock.class);
    static final String HOST_DESCRIPTION = "liquibase.hostDescription";
    private static final Pattern HOLDER = Pattern.compile("#union-pid-(\\d+)-(\\d+) \\(");

    private StaleSchemaLock() {
    }

    /** Names this process in every lock it takes; a description set by the operator is kept. */
    static void nameThisProcess() {
        if (System.getProperty(HOST_DESCRIPTION) == null) {
            System.setProperty(HOST_DESCRIPTION, describe(ProcessHandle.current()));
        }
    }

    static String describe(ProcessHandle process) {
        return "union-pid-" + process.pid() + "-" + startMillis(process).orElse(0L);
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(instant -> instant.toEpochMilli());
    }

    /**
     * @param lockedBy  the lock's {@code LOCKEDBY}
     * @param embedded  the database is an embedded Derby (this JVM alone has it open)
     * @param localHost this host's name as Liquibase writes it
     * @param processes a process of this host by pid, if it runs
     * @return whether the holder is gone for certain
     */
    static boolean stale(String lockedBy, boolean embedded, String localHost, LongFunction<Optional<ProcessHandle>> processes) {
        if (embedded) {
            return true;
        }
        if (lockedBy == null || localHost == null || !lockedBy.startsWith(localHost + "#")) {
            return false; // another host, or a holder that did not name itself: it may be alive
        }
        Matcher holder = HOLDER.matcher(lockedBy);
        if (!holder.find() || holder.start() != localHost.length()) {
            return false;
        }
        long pid = Long.parseLong(holder.group(1));
        long started = Long.parseLong(holder.group(2));
        Optional<ProcessHandle> process = processes.apply(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        // the same pid, started at another time: the number was reused by a new process
        return startMillis(process.get()).map(millis -> millis != started).orElse(false);
    }

    /**
     * Frees the lock in {@code lockTable} if it is taken by a holder that is gone; nothing if the table does
     * not exist yet. The release is conditional on the very holder read, so a lock taken meanwhile stays.
     *
     * @return whether a lock was freed
     */
    static boolean releaseIfStale(Connection connection, String lockTable, boolean embedded, String localHost) throws SQLException {
        String lockedBy;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT LOCKED, LOCKEDBY FROM " + lockTable + " WHERE ID = 1")) {
            if (!row.next() || !row.getBoolean(1)) {
                return false;
            }
            lockedBy = row.getString(2);
        } catch (SQLException noTableYet) {
            // PostgreSQL: a failed statement aborts the transaction, which Liquibase would then inherit
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return false;
        }
        if (!stale(lockedBy, embedded, localHost, ProcessHandle::of)) {
            LOG.warn("Schema lock {} is held by {}, which may be alive: waiting for it. If that process is gone for"
                    + " certain, free it with: UPDATE {} SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1",
                    lockTable, lockedBy, lockTable);
            return false;
        }
        String sql = "UPDATE " + lockTable + " SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1 AND LOCKED = TRUE"
                + (lockedBy == null ? " AND LOCKEDBY IS NULL" : " AND LOCKEDBY = ?");
        try (PreparedStatement release = connection.prepareStatement(sql)) {
            if (lockedBy != null) {
                release.setString(1, lockedBy);
            }
            boolean freed = release.executeUpdate() == 1;
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (freed) {
                LOG.warn("Schema lock {} was left taken by {}, a process that is gone (a crash during a migration): freed",
                        lockTable, lockedBy);
            }
            return freed;
        }
    }
}
