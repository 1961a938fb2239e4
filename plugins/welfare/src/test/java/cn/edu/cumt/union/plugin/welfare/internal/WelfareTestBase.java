package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.Before;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeAttachments;
import cn.edu.cumt.union.testing.FakeAudit;
import cn.edu.cumt.union.testing.FakeDirectory;
import cn.edu.cumt.union.testing.FakeDuties;
import cn.edu.cumt.union.testing.FakeNotifications;
import cn.edu.cumt.union.testing.PluginDatabase;
import cn.edu.cumt.union.testing.TestClock;
import cn.edu.cumt.union.testing.TestFlows;

/**
 * The services on the real schema with a small tree: 校工会 (1) above 计算机学院 (10), 数学学院 (20) and
 * 化工学院 (30). CS_ADMIN (member 201) and CS_ADMIN2 (206) manage 10, MATH_ADMIN (202) 20; MEMBER (203) and
 * OTHER_MEMBER (205) are plain members of 10, MATH_MEMBER (207) of 20.
 */
abstract class WelfareTestBase {

    static final Instant T0 = Instant.parse("2026-03-10T06:00:00Z"); // 14:00 in Beijing
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final UnionPrincipal UNION_ADMIN = new UnionPrincipal(1, "admin", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s1");
    static final UnionPrincipal OTHER_UNION_ADMIN = new UnionPrincipal(6, "admin2", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s6");
    static final UnionPrincipal CS_ADMIN = new UnionPrincipal(2, "S201", 201L, 10L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(10L), "s2");
    static final UnionPrincipal CS_ADMIN2 = new UnionPrincipal(7, "S206", 206L, 10L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(10L), "s7");
    static final UnionPrincipal MATH_ADMIN = new UnionPrincipal(3, "S202", 202L, 20L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(20L), "s3");
    static final UnionPrincipal MEMBER = new UnionPrincipal(4, "S203", 203L, 10L, Set.of(Roles.MEMBER), Set.of(), "s4");
    static final UnionPrincipal OTHER_MEMBER = new UnionPrincipal(5, "S205", 205L, 10L, Set.of(Roles.MEMBER), Set.of(),
            "s5");
    static final UnionPrincipal MATH_MEMBER = new UnionPrincipal(8, "S207", 207L, 20L, Set.of(Roles.MEMBER), Set.of(),
            "s8");

    PluginDatabase jpa;
    FakeDirectory directory;
    FakeAccess access;
    FakeAudit audit;
    FakeNotifications notifications;
    FakeAttachments attachments;
    TestClock clock;
    HardshipService hardship;

    @Before
    public void setUpWelfare() throws Exception {
        jpa = PluginDatabase.forPlugin("welfare");
        jpa.clear("WELFARE_CASE_STEP", "WELFARE_CASE", "WELFARE_FUND_INCOME", "WELFARE_VISIT", "WELFARE_TRIP_SIGNUP",
                "WELFARE_TRIP_QUOTA", "WELFARE_TRIP", "WELFARE_EVENT_SIGNUP", "WELFARE_EVENT");
        directory = new FakeDirectory();
        directory.unit(1, "CUMT", "校工会", UnitKind.UNIVERSITY, null);
        directory.unit(10, "CS", "计算机学院", UnitKind.UNIT, 1L);
        directory.unit(20, "MATH", "数学学院", UnitKind.UNIT, 1L);
        directory.unit(30, "CHEM", "化工学院", UnitKind.UNIT, 1L);
        for (long id : new long[] { 201, 203, 205, 206 }) {
            directory.member(id, 10, MemberStatus.ACTIVE);
        }
        directory.member(202, 20, MemberStatus.ACTIVE);
        directory.member(207, 20, MemberStatus.ACTIVE);
        audit = new FakeAudit();
        clock = new TestClock(T0);
        access = new FakeAccess(directory);
        notifications = new FakeNotifications(directory, jpa, null);
        attachments = new FakeAttachments("welfare", jpa);
        hardship = new HardshipService(jpa, directory, access, audit, TestFlows.of(access, new FakeDuties(directory)),
                notifications, attachments, HardshipService.defaultCaps(), clock);
    }

    /** A member with these categories and join date, replacing any of the same id. */
    MemberDTO member(long id, long unitId, LocalDate joined, String... categories) {
        MemberDTO member = new MemberDTO(id, "S" + id, "会员" + id, "F", null, "1380000" + String.format("%04d", id % 10000),
                null, unitId, null, MemberStatus.ACTIVE, joined, Set.of(categories));
        directory.members.put(id, member);
        return member;
    }

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    /** Runs {@code action}, expects an {@link ApiException} with this status and code. */
    static ApiException expect(int status, String code, Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            assertEquals(e.messageEn(), status, e.status());
            assertEquals(e.messageEn(), code, e.code());
            return e;
        }
        fail("expected " + status + " " + code);
        return null;
    }
}
