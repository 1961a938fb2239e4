package cn.edu.cumt.union.plugin.congress.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

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
import cn.edu.cumt.union.testing.FakeAttachments;
import cn.edu.cumt.union.testing.FakeAudit;
import cn.edu.cumt.union.testing.FakeDirectory;
import cn.edu.cumt.union.testing.FakeDuties;
import cn.edu.cumt.union.testing.FakeNotifications;
import cn.edu.cumt.union.testing.PluginDatabase;
import cn.edu.cumt.union.testing.TestClock;
import cn.edu.cumt.union.testing.TestFlows;

/**
 * Units: 1 the university, 10 CS, 20 MATH, 30 the 教务处 (a department that answers). Members: 101 the
 * proposer (CS), 102 and 103 seconders (CS), 104 the CS delegation head, 105 a committee member (MATH),
 * 106 a plain member (not a delegate), 201 the admin of 30, 202 the admin of 20.
 */
abstract class CongressTestBase {

    static final Instant T0 = Instant.parse("2026-03-10T06:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final UnionPrincipal UNION_ADMIN = new UnionPrincipal(1, "admin", null, null,
            Set.of(Roles.UNION_ADMIN, Roles.UNIT_ADMIN), Set.of(), "s1");
    static final UnionPrincipal PROPOSER = member(101, 10);
    static final UnionPrincipal SECONDER1 = member(102, 10);
    static final UnionPrincipal SECONDER2 = member(103, 10);
    static final UnionPrincipal HEAD = member(104, 10);
    static final UnionPrincipal COMMITTEE = member(105, 20);
    static final UnionPrincipal PLAIN = member(106, 10);
    static final UnionPrincipal LEAD_ADMIN = new UnionPrincipal(201, "jwc-admin", 201L, 30L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(30L), "s201");
    static final UnionPrincipal OTHER_ADMIN = new UnionPrincipal(202, "math-admin", 202L, 20L,
            Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(20L), "s202");

    PluginDatabase jpa;
    FakeDirectory directory;
    FakeDuties duties;
    FakeAudit audit;
    FakeNotifications notifications;
    TestClock clock;
    CongressService congress;
    CongressEvaluationService evaluations;
    long sessionId;

    static UnionPrincipal member(long id, long unit) {
        return new UnionPrincipal(id, "S" + id, id, unit, Set.of(Roles.MEMBER), Set.of(), "s" + id);
    }

    @Before
    public void setUp() throws Exception {
        jpa = PluginDatabase.forPlugin("congress");
        jpa.clear("CONGRESS_SCORE", "CONGRESS_CRITERION", "CONGRESS_SHEET", "CONGRESS_TRANSITION", "CONGRESS_RATING",
                "CONGRESS_SECONDER", "CONGRESS_PROPOSAL_UNIT", "CONGRESS_PROPOSAL", "CONGRESS_DELEGATE",
                "CONGRESS_SESSION");
        directory = new FakeDirectory();
        directory.unit(1, "CUMT", "校工会", UnitKind.UNIVERSITY, null);
        directory.unit(10, "CS", "计算机学院", UnitKind.UNIT, 1L);
        directory.unit(20, "MATH", "数学学院", UnitKind.UNIT, 1L);
        directory.unit(30, "JWC", "教务部", UnitKind.UNIT, 1L);
        for (long id : new long[] { 101, 102, 103, 104, 106 }) {
            directory.member(id, 10, MemberStatus.ACTIVE);
        }
        directory.member(105, 20, MemberStatus.ACTIVE);
        directory.member(201, 30, MemberStatus.ACTIVE);
        directory.member(202, 20, MemberStatus.ACTIVE);
        duties = new FakeDuties(directory);
        duties.grant(104, CongressFlow.HEAD_DUTY, 10, TODAY.minusDays(30), null);
        duties.grant(105, CongressFlow.COMMITTEE_DUTY, 1, TODAY.minusDays(30), null);
        audit = new FakeAudit();
        clock = new TestClock(T0);
        notifications = new FakeNotifications(directory, jpa, null);
        FakeAccess access = new FakeAccess(directory);
        congress = new CongressService(jpa, directory, access, audit, TestFlows.of(access, duties), duties, notifications,
                new FakeAttachments("congress", jpa), 2, clock);
        evaluations = new CongressEvaluationService(jpa, directory, access, audit, clock);
        sessionId = congress.createSession(UNION_ADMIN,
                new SessionEditDTO("第九届教代会暨第十五届工代会第五次会议", 2026, TODAY, TODAY.plusDays(2))).id();
        congress.addDelegates(UNION_ADMIN, sessionId, new MemberIdsDTO(List.of(101L, 102L, 103L, 104L, 105L)));
    }

    long draft() {
        return congress.create(PROPOSER, new ProposalEditDTO(sessionId, "关于改善青年教师住房条件的提案",
                "青年教师住房压力较大", "建设人才公寓")).proposal().id();
    }

    /** Drafted, seconded by 102 and 103, submitted. */
    long submitted() {
        long id = draft();
        congress.invite(PROPOSER, id, new MemberIdsDTO(List.of(102L, 103L)));
        congress.second(SECONDER1, id);
        congress.second(SECONDER2, id);
        congress.submit(PROPOSER, id);
        return id;
    }

    long inCommittee() {
        long id = submitted();
        congress.headCheck(HEAD, id, new HeadCheckDTO(HeadDecision.APPROVE, null));
        return id;
    }

    /** Accepted with 30 leading, due in 30 days. */
    long accepted() {
        long id = inCommittee();
        congress.decide(COMMITTEE, id, new DecisionDTO(CommitteeOutcome.ACCEPT, null, null, 30L, List.of(20L),
                TODAY.plusDays(30)));
        return id;
    }

    ProposalStatus status(long id) {
        return congress.get(UNION_ADMIN, id).proposal().status();
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
