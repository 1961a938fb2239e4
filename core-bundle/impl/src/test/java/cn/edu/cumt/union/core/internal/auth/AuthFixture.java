package cn.edu.cumt.union.core.internal.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.audit.AuditLogImpl;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.UnitEntity;
import cn.edu.cumt.union.core.internal.security.AccessControlImpl;

/** The account services wired by hand on a fresh in-memory Derby, with a hand-moved clock. */
final class AuthFixture implements AutoCloseable {

    static final String ADMIN_PASSWORD = "First-Operator-2026";

    final TestDatabase jpa;
    final TestClock clock = new TestClock();
    final List<Duration> sleeps = new ArrayList<>();
    final Path dataDir;
    final Path initialPasswordFile;
    final SessionService sessions;
    final AuditLogImpl audit;
    final AccessControlImpl access;
    final AccountService accounts;
    final AccountAdminService admin;

    AuthFixture() throws Exception {
        jpa = TestDatabase.fresh();
        dataDir = Files.createTempDirectory("union-auth");
        initialPasswordFile = dataDir.resolve("union/initial-admin-password");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        sessions = new SessionService(jpa, Duration.ofMinutes(30), Duration.ofHours(12), key);
        audit = new AuditLogImpl(jpa, null);
        access = new AccessControlImpl(jpa, null);
        PasswordHasher hasher = new PasswordHasher(1_000);
        accounts = new AccountService(jpa, sessions, audit, hasher, new LoginLimits(3, 10, Duration.ofMinutes(15)),
                clock, sleeps::add, "admin", initialPasswordFile);
        admin = new AccountAdminService(jpa, sessions, audit, access, hasher, clock);
    }

    long unit(String code, Long parent) {
        return jpa.txExpr(em -> {
            UnitEntity unit = new UnitEntity(code, "单位 " + code, null, parent == null ? UnitKind.UNIVERSITY : UnitKind.UNIT,
                    parent);
            em.persist(unit);
            em.flush();
            access.invalidate();
            return unit.getId();
        });
    }

    long member(String staffNo, long unitId) {
        return jpa.txExpr(em -> {
            MemberEntity member = new MemberEntity(staffNo, "会员 " + staffNo, unitId, Instant.now());
            em.persist(member);
            em.flush();
            return member.getId();
        });
    }

    /** Logs in and returns the caller as the request guard would see it. */
    UnionPrincipal login(String username, String password) {
        return sessions.authenticate(accounts.login(username, password, "test").token()).orElseThrow().principal();
    }

    List<String> auditLines() {
        List<Object[]> rows = jpa.txExpr(em -> em.createQuery(
                "select a.actor, a.action, a.outcome, a.detail from AuditEntity a order by a.id", Object[].class)
                .getResultList());
        return rows.stream().map(r -> r[0] + " " + r[1] + " " + r[2] + (r[3] == null ? "" : " " + r[3])).toList();
    }

    @Override
    public void close() throws Exception {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
