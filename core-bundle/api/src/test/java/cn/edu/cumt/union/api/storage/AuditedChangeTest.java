package cn.edu.cumt.union.api.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.junit.Test;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.rest.ApiException;

public class AuditedChangeTest {

    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(String action, String targetType, String targetId, String detail) {
            audited.add(action + " " + targetType + " " + targetId + " " + detail);
        }

        @Override
        public void denied(String action, String targetType, String targetId, String detail) {
            audited.add("denied " + action);
        }
    };
    private static final ApiException CHANGED = ApiException.conflict("x.changed", "刚被他人修改", "changed meanwhile");

    @Test
    public void aChangeAnswersItsResultAndIsAuditedOnceAfterwards() {
        String result = AuditedChange.run(audit, "x.rename", "Thing", 7L, () -> new AuditedChange.Done<>("renamed", "old -> new"),
                () -> CHANGED);
        assertEquals("renamed", result);
        assertEquals(List.of("x.rename Thing 7 old -> new"), audited);
    }

    @Test
    public void aConcurrentEditAnswersThePluginsConflictAndAuditsNothing() {
        try {
            AuditedChange.run(audit, "x.rename", "Thing", 7L, () -> {
                throw new OptimisticLockException("version changed");
            }, () -> CHANGED);
            fail("no conflict");
        } catch (ApiException e) {
            assertSame(CHANGED, e);
        }
        assertTrue(audited.isEmpty());
    }

    @Test
    public void aLockConflictRunsTheTransactionAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String result = AuditedChange.run(audit, "x.rename", "Thing", 7L, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new PersistenceException(new SQLException("lock timeout", "40XL1"));
            }
            return new AuditedChange.Done<>("second time", "d");
        }, () -> CHANGED);
        assertEquals("second time", result);
        assertEquals(2, attempts.get());
        assertEquals(1, audited.size());
    }

    @Test
    public void anyOtherFailureGoesThroughUnaudited() {
        PersistenceException unique = new PersistenceException("duplicate key");
        try {
            AuditedChange.run(audit, "x.rename", "Thing", 7L, () -> {
                throw unique;
            }, () -> CHANGED);
            fail("swallowed");
        } catch (PersistenceException e) {
            assertSame(unique, e);
        }
        assertTrue(audited.isEmpty());
    }
}
