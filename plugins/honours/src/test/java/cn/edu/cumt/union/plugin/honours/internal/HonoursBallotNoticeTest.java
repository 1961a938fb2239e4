package cn.edu.cumt.union.plugin.honours.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.api.ballot.BallotDTO;

/** The committee's ballot, the public notice, objections and the final list. */
public class HonoursBallotNoticeTest extends HonoursTestBase {

    CallDTO call;
    long cs101;
    long cs102;
    long math201;
    long csGroup;

    /** Three individual candidates and one group, all found eligible. The call's quota for CS is raised to 3. */
    void candidates() {
        CallEditDTO edit = callEdit();
        call = honours.createCall(UNION_ADMIN, new CallEditDTO(edit.year(), edit.title(), null, edit.nominationOpens(),
                edit.nominationCloses(), 5, 3, DUTY, edit.categories(), edit.quotas()));
        cs101 = eligible(call, CS_ADMIN, 10, 101);
        cs102 = eligible(call, CS_ADMIN, 10, 102);
        math201 = eligible(call, MATH_ADMIN, 20, 201);
        csGroup = honours.nominate(CS_ADMIN, call.id(), new NominationEditDTO(group(call), 10L, null, 11L, "服务窗口"))
                .id();
        honours.submit(CS_ADMIN, csGroup);
        honours.review(UNION_ADMIN, csGroup, new ReviewDTO(Decision.APPROVE, null));
    }

    BallotDTO openBallot() {
        CallDTO voting = honours.openBallot(UNION_ADMIN, call.id(), new BallotOpenDTO(T0, T0.plus(Duration.ofDays(1))));
        assertEquals(CallStatus.VOTING, voting.status());
        return ballots.find(voting.ballotId()).orElseThrow();
    }

    void closeBallot(BallotDTO ballot) {
        expect(403, "honours.union-only", () -> honours.closeBallot(CS_ADMIN, call.id()));
        honours.closeBallot(UNION_ADMIN, call.id());
        assertTrue(ballots.tally(ballot.id()).isPresent());
    }

    @Test
    public void theBallotIsSecretForTheCommitteeWithTheAwardsPlacesAsLimits() {
        candidates();
        BallotDTO ballot = openBallot();
        assertTrue(ballot.secret());
        assertEquals(DUTY, ballot.dutyCode());
        assertEquals(Map.of("teaching-model", 1, "civil-window", 1), ballot.maxPerCategory());
        assertEquals(4, ballot.options().size());
        assertEquals(2, ballot.maxChoices());
        // Two individuals in one award are over its limit of one; a non-member of the committee may not vote.
        expect(400, "ballot.too-many-in-category", () -> ballots.cast(301, ballot.id(),
                List.of(HonoursService.optionKey(cs101), HonoursService.optionKey(cs102))));
        expect(403, "ballot.not-eligible", () -> ballots.cast(303, ballot.id(), List.of(HonoursService.optionKey(cs101))));
        ballots.cast(301, ballot.id(), List.of(HonoursService.optionKey(cs101), HonoursService.optionKey(csGroup)));
        ballots.cast(302, ballot.id(), List.of(HonoursService.optionKey(cs101)));
        expect(409, "honours.ballot.not-closed", () -> honours.results(UNION_ADMIN, call.id()));
        expect(403, "honours.union-only", () -> honours.results(CS_ADMIN, call.id()));
        closeBallot(ballot);
        List<ListedDTO> results = honours.results(UNION_ADMIN, call.id());
        assertEquals(cs101, results.get(0).nominationId());
        assertEquals(Long.valueOf(2), results.get(0).votes());
        // Nothing the plugin answers names a voter.
        assertFalse(results.toString().contains("301"));
        assertFalse(results.toString().contains("302"));
    }

    @Test
    public void theBallotWaitsForEveryEligibilityCheckAndEndsNominations() {
        CallDTO c = call();
        long pending = nominate(c, CS_ADMIN, 10, 101).id();
        honours.submit(CS_ADMIN, pending);
        long draft = nominate(c, MATH_ADMIN, 20, 201).id();
        expect(409, "honours.ballot.checks-pending", () -> honours.openBallot(UNION_ADMIN, c.id(),
                new BallotOpenDTO(T0, T0.plusSeconds(3600))));
        honours.review(UNION_ADMIN, pending, new ReviewDTO(Decision.APPROVE, null));
        expect(403, "honours.union-only", () -> honours.openBallot(CS_ADMIN, c.id(),
                new BallotOpenDTO(T0, T0.plusSeconds(3600))));
        honours.openBallot(UNION_ADMIN, c.id(), new BallotOpenDTO(T0, T0.plusSeconds(3600)));
        assertEquals("a draft not submitted in time lapses", NominationStatus.WITHDRAWN,
                honours.nomination(MATH_ADMIN, draft).status());
        expect(409, "honours.nomination.closed", () -> nominate(c, CS_ADMIN, 10, 102));
    }

    @Test
    public void theNoticeListsTheMostVotedPerAwardAndATieNeedsTheUnionsChoice() {
        candidates();
        BallotDTO ballot = openBallot();
        ballots.cast(301, ballot.id(), List.of(HonoursService.optionKey(cs101), HonoursService.optionKey(csGroup)));
        ballots.cast(302, ballot.id(), List.of(HonoursService.optionKey(cs102)));
        expect(409, "honours.ballot.not-closed", () -> honours.startNotice(UNION_ADMIN, call.id(), null));
        closeBallot(ballot);
        expect(409, "honours.notice.tie", () -> honours.startNotice(UNION_ADMIN, call.id(), null));
        expect(400, "request.field-invalid", () -> honours.startNotice(UNION_ADMIN, call.id(),
                new NoticeEditDTO(List.of(cs101, cs102, csGroup), null)));
        expect(400, "request.field-invalid", () -> honours.startNotice(UNION_ADMIN, call.id(),
                new NoticeEditDTO(List.of(math201), null))); // no votes
        CallDTO notice = honours.startNotice(UNION_ADMIN, call.id(), new NoticeEditDTO(List.of(cs101, csGroup), null));
        assertEquals(CallStatus.NOTICE, notice.status());
        assertEquals(T0.plus(Duration.ofDays(5)), notice.noticeUntil());
        PublicListDTO list = honours.publicList(MEMBER, call.id());
        assertTrue(list.objectionsOpen());
        assertEquals(List.of(cs101, csGroup), list.items().stream().map(ListedDTO::nominationId).toList());
        assertEquals("no votes on the public list", null, list.items().get(0).votes());
        assertEquals(NominationStatus.NOT_CHOSEN, honours.nomination(CS_ADMIN, cs102).status());
        assertEquals(1, notifications.inbox(101).size());
    }

    @Test
    public void anObjectionBlocksFinalisationUntilAnsweredAndOnlyItsFilerAndTheUnionReadIt() {
        candidates();
        BallotDTO ballot = openBallot();
        ballots.cast(301, ballot.id(), List.of(HonoursService.optionKey(cs101), HonoursService.optionKey(csGroup)));
        closeBallot(ballot);
        expect(409, "honours.notice.not-started", () -> honours.publicList(MEMBER, call.id()));
        expect(409, "honours.objection.not-open", () -> honours.object(MEMBER, call.id(),
                new ObjectionEditDTO(cs101, "不实")));
        honours.startNotice(UNION_ADMIN, call.id(), null);
        expect(400, "request.field-invalid", () -> honours.object(MEMBER, call.id(), new ObjectionEditDTO(cs102, "未公示")));
        expect(403, "honours.objection.members-only", () -> honours.object(UNION_ADMIN, call.id(),
                new ObjectionEditDTO(cs101, "管理员账号")));
        ObjectionDTO objection = honours.object(MEMBER, call.id(), new ObjectionEditDTO(cs101, "事迹材料与事实不符"));
        assertEquals(102, objection.memberId());
        expect(409, "honours.objection.duplicate", () -> honours.object(MEMBER, call.id(), new ObjectionEditDTO(cs101, "再次")));
        // Only the filer and the union read it.
        expect(404, "honours.objection.not-found", () -> honours.objection(OTHER_MEMBER, objection.id()));
        expect(404, "honours.objection.not-found", () -> honours.objection(CS_ADMIN, objection.id()));
        expect(403, "honours.union-only", () -> honours.objections(CS_ADMIN, call.id()));
        assertEquals(objection.id(), honours.objection(MEMBER, objection.id()).id());
        assertEquals(1, honours.objections(UNION_ADMIN, call.id()).size());
        assertTrue(honours.myObjections(OTHER_MEMBER).isEmpty());
        // The open objection blocks, during the notice (5 days) and after it.
        expect(409, "honours.objections-unanswered", () -> honours.finalise(UNION_ADMIN, call.id()));
        clock.now = T0.plus(Duration.ofDays(5));
        expect(409, "honours.objection.not-open", () -> honours.object(OTHER_MEMBER, call.id(),
                new ObjectionEditDTO(cs101, "逾期")));
        expect(409, "honours.objections-unanswered", () -> honours.finalise(UNION_ADMIN, call.id()));
        assertTrue(honours.tasksFor(UNION_ADMIN).stream().anyMatch(t -> t.title().startsWith("答复异议")));
        expect(403, "honours.union-only", () -> honours.answer(CS_ADMIN, objection.id(), new AnswerDTO("不成立", false)));
        ObjectionDTO answered = honours.answer(UNION_ADMIN, objection.id(), new AnswerDTO("经核实，材料属实", false));
        assertEquals(Boolean.FALSE, answered.upheld());
        assertTrue(notifications.inbox(102).stream().anyMatch(n -> n.title().equals("您的异议已答复")));
        expect(409, "honours.objection.answered", () -> honours.answer(UNION_ADMIN, objection.id(),
                new AnswerDTO("再答", true)));
        expect(403, "honours.union-only", () -> honours.finalise(CS_ADMIN, call.id()));
        clock.now = T0.plus(Duration.ofDays(5)).minusSeconds(1);
        expect(409, "honours.notice.running", () -> honours.finalise(UNION_ADMIN, call.id()));
        clock.now = T0.plus(Duration.ofDays(5));
        CallDTO published = honours.finalise(UNION_ADMIN, call.id());
        assertEquals(CallStatus.FINAL, published.status());
        assertEquals(List.of(cs101, csGroup), honours.publicList(OTHER_MEMBER, call.id()).items().stream()
                .map(ListedDTO::nominationId).toList());
        expect(409, "honours.call.wrong-stage", () -> honours.finalise(UNION_ADMIN, call.id()));
    }

    @Test
    public void anUpheldObjectionStrikesTheName() {
        candidates();
        BallotDTO ballot = openBallot();
        ballots.cast(301, ballot.id(), List.of(HonoursService.optionKey(cs101), HonoursService.optionKey(csGroup)));
        closeBallot(ballot);
        honours.startNotice(UNION_ADMIN, call.id(), null);
        ObjectionDTO objection = honours.object(OTHER_MEMBER, call.id(), new ObjectionEditDTO(cs101, "曾受处分"));
        honours.answer(UNION_ADMIN, objection.id(), new AnswerDTO("经核实，异议成立", true));
        assertEquals(NominationStatus.STRUCK, honours.nomination(CS_ADMIN, cs101).status());
        clock.now = T0.plus(Duration.ofDays(6));
        honours.finalise(UNION_ADMIN, call.id());
        assertEquals(List.of(csGroup), honours.publicList(MEMBER, call.id()).items().stream()
                .map(ListedDTO::nominationId).toList());
    }

    @Test
    public void myHonoursAndTheUnitsFigureOfTheYear() {
        candidates();
        BallotDTO ballot = openBallot();
        ballots.cast(301, ballot.id(), List.of(HonoursService.optionKey(cs102), HonoursService.optionKey(csGroup)));
        closeBallot(ballot);
        honours.startNotice(UNION_ADMIN, call.id(), null);
        UnionPrincipalHolder holder = new UnionPrincipalHolder();
        assertEquals("listed, not yet awarded, shows", 1, honours.mine(MEMBER).total());
        clock.now = T0.plus(Duration.ofDays(5));
        honours.finalise(UNION_ADMIN, call.id());
        MyHonoursDTO mine = honours.mine(MEMBER);
        assertEquals(1, mine.total());
        assertEquals(NominationStatus.AWARDED, mine.items().get(0).status());
        assertEquals("师德模范", mine.items().get(0).categoryName());
        // Member 103 belongs to the group 11: its group honour is in their record.
        assertEquals(1, honours.mine(holder.member(103, 10)).total());
        assertEquals(0, honours.mine(holder.member(101, 10)).total());
        expect(403, "honours.members-only", () -> honours.mine(UNION_ADMIN));
        assertEquals(Map.of(10L, BigDecimal.valueOf(2)), honours.awardsByUnit(2026));
        assertEquals(Map.of(), honours.awardsByUnit(2025));
        assertEquals(Map.of(HonoursIndicators.AWARDS, Map.of(10L, BigDecimal.valueOf(2))),
                new HonoursIndicators(honours).figures(2026));
    }

    /** Plain members of the test tree as principals. */
    static final class UnionPrincipalHolder {
        cn.edu.cumt.union.api.security.UnionPrincipal member(long memberId, long unitId) {
            return new cn.edu.cumt.union.api.security.UnionPrincipal(1000 + memberId, "S0" + memberId, memberId, unitId,
                    java.util.Set.of(cn.edu.cumt.union.api.security.Roles.MEMBER), java.util.Set.of(), "m" + memberId);
        }
    }
}
