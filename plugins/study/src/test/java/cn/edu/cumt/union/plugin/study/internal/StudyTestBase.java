package cn.edu.cumt.union.plugin.study.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Before;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.testing.PluginDatabase;
import cn.edu.cumt.union.testing.TestClock;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeAudit;
import cn.edu.cumt.union.testing.FakeDirectory;

/**
 * A service on the real schema with a small tree: 校工会 (1) above 计算机学院 (10, with 软件系 12 and
 * the union group 11 below it) and 数学学院 (20). Members: 101 in 10 and group 11 (cadre), 102 in 12,
 * 103 in 20 (veteran), 104 in 10 (retired), 105 in 20 (cadre).
 */
abstract class StudyTestBase {

    static final Instant T0 = Instant.parse("2026-03-10T06:00:00Z"); // 14:00 in Beijing
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final UnionPrincipal UNION_ADMIN = new UnionPrincipal(1, "admin", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s1");
    static final UnionPrincipal CS_ADMIN = new UnionPrincipal(2, "cs-admin", null, null, Set.of(Roles.UNIT_ADMIN),
            Set.of(10L), "s2");

    PluginDatabase jpa;
    FakeDirectory directory;
    FakeAudit audit;
    TestClock clock;
    StudyService study;

    @Before
    public void setUp() throws Exception {
        jpa = PluginDatabase.forPlugin("study");
        jpa.clear("STUDY_ATTENDANCE", "STUDY_MATERIAL", "STUDY_SESSION_CATEGORY", "STUDY_SESSION_UNIT", "STUDY_SESSION");
        directory = new FakeDirectory();
        directory.unit(1, "CUMT", "校工会", null);
        directory.unit(10, "CS", "计算机学院", 1L);
        directory.unit(12, "CS-SE", "软件系", 10L);
        directory.unit(20, "MATH", "数学学院", 1L);
        directory.group(11, "CS-G1", "计算机学院第一工会小组", 10L);
        directory.member(101, 10, 11L, MemberStatus.ACTIVE, "cadre");
        directory.member(102, 12, MemberStatus.ACTIVE);
        directory.member(103, 20, MemberStatus.ACTIVE, "veteran");
        directory.member(104, 10, MemberStatus.RETIRED);
        directory.member(105, 20, MemberStatus.ACTIVE, "cadre");
        audit = new FakeAudit();
        clock = new TestClock(T0.minus(Duration.ofDays(1)));
        study = new StudyService(jpa, directory, new FakeAccess(directory), audit, WINDOW, clock);
    }

    static UnionPrincipal member(MemberDTO m) {
        return new UnionPrincipal(1000 + m.id(), m.staffNo(), m.id(), m.unitId(), Set.of(Roles.MEMBER), Set.of(), "m");
    }

    UnionPrincipal member(long id) {
        return member(directory.members.get(id));
    }

    /** A one-hour session organised by {@code organiser}. */
    static StudySessionEditDTO edit(String title, Instant start, long organiser, List<Long> targets,
            String... categories) {
        return new StudySessionEditDTO(title, "主题", List.of(), start, start.plus(Duration.ofHours(1)), "会议室",
                organiser, targets, List.of(categories));
    }

    StudySessionDTO create(String title, Instant start, List<Long> targets, String... categories) {
        return study.create(UNION_ADMIN, edit(title, start, 1, targets, categories));
    }

    String code(StudySessionDTO session) {
        return study.code(UNION_ADMIN, session.id()).code();
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
