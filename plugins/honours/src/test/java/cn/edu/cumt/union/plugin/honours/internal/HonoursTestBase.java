package cn.edu.cumt.union.plugin.honours.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.Before;

import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeAudit;
import cn.edu.cumt.union.testing.FakeBallots;
import cn.edu.cumt.union.testing.FakeDirectory;
import cn.edu.cumt.union.testing.FakeDuties;
import cn.edu.cumt.union.testing.FakeNotifications;
import cn.edu.cumt.union.testing.PluginDatabase;
import cn.edu.cumt.union.testing.TestClock;
import cn.edu.cumt.union.testing.TestFlows;

/**
 * A service on the real schema with a small tree: 校工会 (1) above 计算机学院 (10, with the union group 11),
 * 数学学院 (20) and 化工学院 (30). CS_ADMIN manages 10, MATH_ADMIN 20. Members 101, 102 (teachers) and 103
 * (group 11) of 10, 104 retired of 10, 201 (teacher) of 20; 301 and 302 of 30 hold the reviewer duty, 303 not.
 */
abstract class HonoursTestBase {

    static final Instant T0 = Instant.parse("2026-04-01T02:00:00Z"); // 10:00 in Beijing
    static final String DUTY = "honours-reviewer";
    static final UnionPrincipal UNION_ADMIN = new UnionPrincipal(1, "admin", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s1");
    static final UnionPrincipal CS_ADMIN = new UnionPrincipal(2, "cs-admin", 150L, 10L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(10L), "s2");
    static final UnionPrincipal MATH_ADMIN = new UnionPrincipal(3, "math-admin", 250L, 20L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(20L), "s3");
    static final UnionPrincipal MEMBER = new UnionPrincipal(4, "S0102", 102L, 10L, Set.of(Roles.MEMBER), Set.of(),
            "s4");
    static final UnionPrincipal OTHER_MEMBER = new UnionPrincipal(5, "S0201", 201L, 20L, Set.of(Roles.MEMBER),
            Set.of(), "s5");

    PluginDatabase jpa;
    FakeDirectory directory;
    FakeAudit audit;
    FakeBallots ballots;
    FakeDuties duties;
    FakeNotifications notifications;
    TestClock clock;
    HonoursService honours;

    @Before
    public void setUp() throws Exception {
        jpa = PluginDatabase.forPlugin("honours");
        jpa.clear("HONOURS_OBJECTION", "HONOURS_STEP", "HONOURS_NOMINATION", "HONOURS_QUOTA", "HONOURS_CATEGORY",
                "HONOURS_CALL");
        directory = new FakeDirectory();
        directory.unit(1, "CUMT", "校工会", UnitKind.UNIVERSITY, null);
        directory.unit(10, "CS", "计算机学院", UnitKind.UNIT, 1L);
        directory.group(11, "CS-G1", "计算机学院第一工会小组", 10L);
        directory.unit(20, "MATH", "数学学院", UnitKind.UNIT, 1L);
        directory.unit(30, "CHEM", "化工学院", UnitKind.UNIT, 1L);
        directory.member(101, 10, MemberStatus.ACTIVE, "teacher");
        directory.member(102, 10, MemberStatus.ACTIVE, "teacher");
        directory.member(103, 10, 11L, MemberStatus.ACTIVE);
        directory.member(104, 10, MemberStatus.RETIRED, "teacher");
        directory.member(150, 10, MemberStatus.ACTIVE);
        directory.member(201, 20, MemberStatus.ACTIVE, "teacher");
        directory.member(202, 20, MemberStatus.ACTIVE, "teacher");
        directory.member(250, 20, MemberStatus.ACTIVE);
        directory.member(301, 30, MemberStatus.ACTIVE);
        directory.member(302, 30, MemberStatus.ACTIVE);
        directory.member(303, 30, MemberStatus.ACTIVE);
        audit = new FakeAudit();
        clock = new TestClock(T0);
        FakeAccess access = new FakeAccess(directory);
        duties = new FakeDuties(directory);
        duties.grant(301, DUTY, 30, LocalDate.of(2026, 1, 1), null);
        duties.grant(302, DUTY, 30, LocalDate.of(2026, 1, 1), null);
        ballots = new FakeBallots(directory, duties, clock);
        notifications = new FakeNotifications(directory, jpa, null);
        honours = new HonoursService(jpa, directory, access, audit, TestFlows.of(access, duties), ballots,
                notifications, 7, clock);
    }

    /** Two awards: 师德模范 (individual, teachers, 1 place) and 文明窗口 (group, 1 place); quota 2, MATH 1. */
    static CallEditDTO callEdit() {
        return new CallEditDTO(2026, "2026年度师德师风先进评选", "各单位按名额推荐", T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(10)), 5, 2, DUTY,
                List.of(new CategoryEditDTO("teaching-model", "师德模范", HonourKind.INDIVIDUAL, 1, "在职教师", "teacher",
                        null), new CategoryEditDTO("civil-window", "十佳文明窗口单位", HonourKind.GROUP, 1, null, null, null)),
                List.of(new QuotaDTO(20L, 1)));
    }

    CallDTO call() {
        return honours.createCall(UNION_ADMIN, callEdit());
    }

    static long individual(CallDTO call) {
        return call.categories().get(0).id();
    }

    static long group(CallDTO call) {
        return call.categories().get(1).id();
    }

    NominationDTO nominate(CallDTO call, UnionPrincipal admin, long unitId, long memberId) {
        return honours.nominate(admin, call.id(), new NominationEditDTO(individual(call), unitId, memberId, null,
                "教书育人，成绩突出"));
    }

    /** A nomination of the member, submitted and found eligible. */
    long eligible(CallDTO call, UnionPrincipal admin, long unitId, long memberId) {
        long id = nominate(call, admin, unitId, memberId).id();
        honours.submit(admin, id);
        honours.review(UNION_ADMIN, id, new ReviewDTO(Decision.APPROVE, null));
        return id;
    }

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
