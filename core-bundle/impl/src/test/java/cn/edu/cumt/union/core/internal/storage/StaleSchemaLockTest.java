package cn.edu.cumt.union.core.internal.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;

/**
 * A change-log lock left by a process that was killed during a migration is freed at the next start; a lock
 * whose holder may be alive (another host, a live process) never is.
 */
public class StaleSchemaLockTest {

    private static final String HOST = "union-node-1";

    private static String lockedBy(String host, long pid, long startMillis) {
        return host + "#union-pid-" + pid + "-" + startMillis + " (10.0.0.1)";
    }

    @Test
    public void onAnEmbeddedDerbyEveryLockAtStartIsStale() {
        assertTrue(StaleSchemaLock.stale("anyone (1.2.3.4)", true, HOST, pid -> Optional.empty()));
        assertTrue(StaleSchemaLock.stale(null, true, HOST, pid -> Optional.empty()));
    }

    @Test
    public void aGoneProcessOfThisHostIsStale() {
        assertTrue(StaleSchemaLock.stale(lockedBy(HOST, 999_999_999L, 1L), false, HOST, pid -> Optional.empty()));
    }

    @Test
    public void aLiveProcessIsNeverStaleButAReusedPidIs() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessHandle handle = sleeper.toHandle();
            long started = handle.info().startInstant().orElseThrow().toEpochMilli();
            assertFalse(StaleSchemaLock.stale(lockedBy(HOST, handle.pid(), started), false, HOST, ProcessHandle::of));
            assertTrue("the pid now belongs to a process started at another time",
                    StaleSchemaLock.stale(lockedBy(HOST, handle.pid(), started - 60_000), false, HOST, ProcessHandle::of));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    public void anotherHostsOrAnUnnamedHolderIsNeverStale() {
        assertFalse("another node of a cluster", StaleSchemaLock.stale(lockedBy("union-node-2", 1L, 1L), false, HOST,
                pid -> Optional.empty()));
        assertFalse("a host whose name starts like ours", StaleSchemaLock.stale(lockedBy(HOST + "0", 1L, 1L), false, HOST,
                pid -> Optional.empty()));
        assertFalse("Liquibase's own format, without our name", StaleSchemaLock.stale(HOST + " (10.0.0.1)", false, HOST,
                pid -> Optional.empty()));
        assertFalse(StaleSchemaLock.stale(null, false, HOST, pid -> Optional.empty()));
    }

    @Test
    public void thisProcessIsNamedInItsLocks() {
        String description = StaleSchemaLock.describe(ProcessHandle.current());
        assertTrue(description, description.startsWith("union-pid-" + ProcessHandle.current().pid() + "-"));
        assertFalse("this JVM is alive", StaleSchemaLock.stale(HOST + "#" + description + " (10.0.0.1)", false, HOST,
                ProcessHandle::of));
    }

    /** A migration after a kill: the lock of the dead run is freed and the next change set applies at once. */
    @Test(timeout = 120_000)
    public void aMigrationAfterACrashIsNotBlockedByTheDeadRunsLock() throws Exception {
        EmbeddedDataSource platform = CheckedChangelogsTest.database();
        SchemaMigrator.run(platform, getClass().getClassLoader(), "core", "db/union-core-changelog.xml");
        String lockTable = SchemaState.changelogTable("core") + "LOCK";
        try (Connection connection = platform.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + lockTable + " SET LOCKED = TRUE, LOCKEDBY = '"
                    + lockedBy("gone-host", 4242L, 1L) + "', LOCKGRANTED = CURRENT_TIMESTAMP WHERE ID = 1");
        }
        System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "1");
        try {
            assertEquals("nothing pending, but the lock must be taken to know", 0,
                    SchemaMigrator.run(platform, getClass().getClassLoader(), "core", "db/union-core-changelog.xml"));
        } finally {
            System.clearProperty("liquibase.changelogLockWaitTimeInMinutes");
        }
        try (Connection connection = platform.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT LOCKED FROM " + lockTable + " WHERE ID = 1")) {
            assertTrue(row.next());
            assertFalse("freed, and released again by the run", row.getBoolean(1));
        }
    }

    /** On a shared database a live holder's lock is left alone. */
    @Test
    public void aLiveHoldersLockOnASharedDatabaseStays() throws Exception {
        EmbeddedDataSource platform = CheckedChangelogsTest.database();
        SchemaMigrator.run(platform, getClass().getClassLoader(), "core", "db/union-core-changelog.xml");
        String lockTable = SchemaState.changelogTable("core") + "LOCK";
        String live = HOST + "#" + StaleSchemaLock.describe(ProcessHandle.current()) + " (10.0.0.1)";
        try (Connection connection = platform.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + lockTable + " SET LOCKED = TRUE, LOCKEDBY = '" + live + "' WHERE ID = 1");
            assertFalse(StaleSchemaLock.releaseIfStale(connection, lockTable, false, HOST));
            assertFalse("another node's", StaleSchemaLock.releaseIfStale(connection, lockTable, false, "union-node-2"));
            try (ResultSet row = statement.executeQuery("SELECT LOCKED FROM " + lockTable + " WHERE ID = 1")) {
                assertTrue(row.next());
                assertTrue(row.getBoolean(1));
            }
            statement.executeUpdate("UPDATE " + lockTable + " SET LOCKEDBY = '" + lockedBy(HOST, 999_999_999L, 1L) + "' WHERE ID = 1");
            assertTrue("a gone process of this host", StaleSchemaLock.releaseIfStale(connection, lockTable, false, HOST));
        }
    }
}
