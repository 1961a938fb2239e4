package cn.edu.cumt.union.api.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

public class LockConflictsTest {

    private static RuntimeException lockTimeout() {
        // what EclipseLink throws around Derby's lock timeout
        return new PersistenceException("Exception [EclipseLink-4002]",
                new RuntimeException("DatabaseException", new SQLTransactionRollbackException(
                        "A lock could not be obtained within the time requested", "40XL1", 30000)));
    }

    @Test
    public void aLockTimeoutIsRetriedUntilTheTransactionGetsThrough() {
        AtomicInteger calls = new AtomicInteger();
        String result = LockConflicts.retry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw lockTimeout();
            }
            return "written";
        });
        assertEquals("written", result);
        assertEquals(3, calls.get());
    }

    @Test
    public void otherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        ApiException conflict = ApiException.conflict("member.staff-no-taken", "重复", "taken");
        try {
            LockConflicts.retry(() -> {
                calls.incrementAndGet();
                throw conflict;
            });
            fail("the error must pass through");
        } catch (ApiException e) {
            assertSame(conflict, e);
        }
        assertEquals(1, calls.get());
    }

    @Test
    public void aLastingConflictEndsAs503NotAs500() {
        AtomicInteger calls = new AtomicInteger();
        try {
            LockConflicts.retry(() -> {
                calls.incrementAndGet();
                throw lockTimeout();
            });
            fail("expected server.busy");
        } catch (ApiException e) {
            assertEquals(503, e.status());
            assertEquals("server.busy", e.code());
        }
        assertEquals(LockConflicts.ATTEMPTS, calls.get());
    }

    @Test
    public void recognisesDeadlocksAndIgnoresOtherSqlStates() {
        assertTrue(LockConflicts.isLockConflict(new PersistenceException(new SQLTransactionRollbackException("deadlock", "40001"))));
        assertFalse(LockConflicts.isLockConflict(new PersistenceException(new java.sql.SQLException("duplicate", "23505"))));
        assertFalse(LockConflicts.isLockConflict(new IllegalStateException("no cause")));
    }
}
