package cn.edu.cumt.union.plugin.congress.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** The proposal's way: seconding threshold, who acts at each stage, merge, re-answer once, overdue. */
public class CongressProposalTest extends CongressTestBase {

    @Test
    public void aNonDelegateCannotDraft() {
        expect(403, "congress.not-delegate", () -> congress.create(PLAIN, new ProposalEditDTO(sessionId, "t", "r", "m")));
        expect(404, "congress.session.not-found", () -> congress.create(PROPOSER, new ProposalEditDTO(999L, "t", "r", "m")));
        expect(400, "request.field-missing", () -> congress.create(PROPOSER, new ProposalEditDTO(sessionId, " ", "r", "m")));
    }

    @Test
    public void submittingNeedsTheConfiguredNumberOfSeconders() {
        long id = draft();
        expect(409, "congress.proposal.seconds-needed", () -> congress.submit(PROPOSER, id));
        congress.invite(PROPOSER, id, new MemberIdsDTO(List.of(102L, 103L)));
        congress.second(SECONDER1, id);
        congress.second(SECONDER1, id); // twice counts once
        expect(409, "congress.proposal.seconds-needed", () -> congress.submit(PROPOSER, id));
        assertEquals(1, congress.get(PROPOSER, id).proposal().seconded());
        congress.second(SECONDER2, id);
        assertEquals(ProposalStatus.SUBMITTED, congress.submit(PROPOSER, id).proposal().status());
        assertTrue(audit.lines.stream().anyMatch(l -> l.contains("congress.proposal.submit")));
        assertEquals("the head is told once it commits", 1, notifications.inbox(104).size());
    }

    @Test
    public void theThresholdFollowsTheConfiguration() {
        congress.modified(config(0));
        assertEquals(0, congress.secondsRequired());
        long id = draft();
        assertEquals(ProposalStatus.SUBMITTED, congress.submit(PROPOSER, id).proposal().status());
        congress.modified(config(51)); // refused: the value in force stays
        assertEquals(0, congress.secondsRequired());
    }

    private static CongressService.Config config(int n) {
        return new CongressService.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CongressService.Config.class;
            }

            @Override
            public int seconds_required() {
                return n;
            }
        };
    }

    @Test
    public void onlyInvitedDelegatesSecondAndOnlyDelegatesAreInvited() {
        long id = draft();
        expect(404, "congress.proposal.not-found", () -> congress.second(PLAIN, id));
        expect(400, "request.field-invalid", () -> congress.invite(PROPOSER, id, new MemberIdsDTO(List.of(106L))));
        expect(400, "request.field-invalid", () -> congress.invite(PROPOSER, id, new MemberIdsDTO(List.of(101L))));
        expect(404, "congress.proposal.not-found", () -> congress.invite(HEAD, id, new MemberIdsDTO(List.of(102L))));
        expect(404, "congress.proposal.not-found", () -> congress.second(SECONDER1, id));
        congress.invite(PROPOSER, id, new MemberIdsDTO(List.of(102L)));
        assertEquals(1, notifications.inbox(102).size());
        assertEquals(1, congress.tasksFor(SECONDER1).size());
        expect(403, "congress.not-proposer", () -> congress.invite(SECONDER1, id, new MemberIdsDTO(List.of(103L))));
        congress.second(SECONDER1, id);
        assertEquals(0, congress.tasksFor(SECONDER1).size());
        // a delegate removed from the session may no longer second
        congress.invite(PROPOSER, id, new MemberIdsDTO(List.of(103L)));
        congress.removeDelegate(UNION_ADMIN, sessionId, 103);
        expect(403, "congress.not-delegate", () -> congress.second(SECONDER2, id));
    }

    @Test
    public void aDraftIsSeenOnlyByItsProposerInviteesAndTheUnion() {
        long id = draft();
        expect(404, "congress.proposal.not-found", () -> congress.get(PLAIN, id));
        expect(404, "congress.proposal.not-found", () -> congress.get(HEAD, id));
        expect(404, "congress.proposal.not-found", () -> congress.get(OTHER_ADMIN, id));
        assertEquals(0, congress.publicList(null, null, 0, 50).total());
        assertEquals(id, congress.get(PROPOSER, id).proposal().id());
        assertEquals(id, congress.get(UNION_ADMIN, id).proposal().id());
        assertEquals(1, congress.mine(PROPOSER, 0, 50).total());
    }

    @Test
    public void theHeadChecksAndNobodyElse() {
        long id = submitted();
        expect(404, "congress.proposal.not-found", () -> congress.headCheck(COMMITTEE, id, new HeadCheckDTO(HeadDecision.APPROVE, null)));
        expect(403, "flow.not-your-turn", () -> congress.headCheck(SECONDER1, id, new HeadCheckDTO(HeadDecision.APPROVE, null)));
        expect(404, "congress.proposal.not-found", () -> congress.headCheck(PLAIN, id, new HeadCheckDTO(HeadDecision.APPROVE, null)));
        expect(400, "request.field-missing", () -> congress.headCheck(HEAD, id, new HeadCheckDTO(HeadDecision.RETURN, null)));
        assertEquals(1, congress.tasksFor(HEAD).size());
        assertEquals(1, congress.queue(HEAD, 0, 50).total());
        assertEquals(ProposalStatus.RETURNED,
                congress.headCheck(HEAD, id, new HeadCheckDTO(HeadDecision.RETURN, "请补充调研数据")).proposal().status());
        assertEquals(1, congress.tasksFor(PROPOSER).size());
        congress.update(PROPOSER, id, new ProposalEditDTO(null, "关于改善青年教师住房条件的提案", "附调研数据", "建设人才公寓"));
        assertEquals(ProposalStatus.SUBMITTED, congress.submit(PROPOSER, id).proposal().status());
        assertEquals(ProposalStatus.IN_COMMITTEE,
                congress.headCheck(HEAD, id, new HeadCheckDTO(HeadDecision.APPROVE, null)).proposal().status());
        assertEquals(1, congress.tasksFor(COMMITTEE).size());
        assertEquals(0, congress.tasksFor(HEAD).size());
    }

    @Test
    public void aProposerNeverDecidesOwnCase() {
        // the head of the delegation drafts a proposal of their own
        long id = congress.create(HEAD, new ProposalEditDTO(sessionId, "团长的提案", "r", "m")).proposal().id();
        congress.invite(HEAD, id, new MemberIdsDTO(List.of(102L, 103L)));
        congress.second(SECONDER1, id);
        congress.second(SECONDER2, id);
        congress.submit(HEAD, id);
        expect(403, "flow.own-case", () -> congress.headCheck(HEAD, id, new HeadCheckDTO(HeadDecision.APPROVE, null)));
        assertEquals(0, congress.tasksFor(HEAD).size());
    }

    @Test
    public void aSeconderInTheCommitteeDoesNotDecide() {
        duties.grant(102, CongressFlow.COMMITTEE_DUTY, 1, TODAY, null);
        long id = inCommittee();
        expect(403, "congress.own-proposal", () -> congress.decide(SECONDER1, id,
                new DecisionDTO(CommitteeOutcome.OPINION, null, null, null, null, null)));
        assertEquals(ProposalStatus.OPINION, congress.decide(COMMITTEE, id,
                new DecisionDTO(CommitteeOutcome.OPINION, "转学校相关部门参考", null, null, null, null)).proposal().status());
    }

    @Test
    public void theCommitteeAcceptsWithDepartmentsAndADeadline() {
        long id = inCommittee();
        expect(403, "flow.not-your-turn", () -> congress.decide(HEAD, id,
                new DecisionDTO(CommitteeOutcome.OPINION, null, null, null, null, null)));
        expect(400, "request.field-missing", () -> congress.decide(COMMITTEE, id,
                new DecisionDTO(CommitteeOutcome.ACCEPT, null, null, null, null, TODAY.plusDays(30))));
        expect(400, "request.field-invalid", () -> congress.decide(COMMITTEE, id,
                new DecisionDTO(CommitteeOutcome.ACCEPT, null, null, 30L, List.of(30L), TODAY.plusDays(30))));
        expect(400, "request.field-invalid", () -> congress.decide(COMMITTEE, id,
                new DecisionDTO(CommitteeOutcome.ACCEPT, null, null, 30L, null, TODAY.minusDays(1))));
        expect(400, "request.field-missing", () -> congress.decide(COMMITTEE, id,
                new DecisionDTO(CommitteeOutcome.NOT_ACCEPT, " ", null, null, null, null)));
        ProposalDetailDTO accepted = congress.decide(COMMITTEE, id,
                new DecisionDTO(CommitteeOutcome.ACCEPT, null, null, 30L, List.of(20L), TODAY.plusDays(30)));
        assertEquals(ProposalStatus.ACCEPTED, accepted.proposal().status());
        assertEquals(Long.valueOf(30), accepted.proposal().leadUnitId());
        assertEquals(List.of(20L), accepted.coUnitIds());
        assertEquals("public now", 1, congress.publicList(sessionId, null, 0, 50).total());
        assertEquals(id, congress.get(PLAIN, id).proposal().id());
        assertNull("members do not read the history", congress.get(PLAIN, id).history());
        assertEquals(1, congress.department(LEAD_ADMIN, 0, 50).total());
        assertEquals("co-handling units list it too", 1, congress.department(OTHER_ADMIN, 0, 50).total());
        assertEquals(1, congress.tasksFor(LEAD_ADMIN).size());
        assertEquals(0, congress.tasksFor(OTHER_ADMIN).size());
        assertEquals("the lead department's admins are told", 1, notifications.toUnitAdmins.get(30L).size());
        assertEquals("and the co-handling one's", 1, notifications.toUnitAdmins.get(20L).size());
        assertEquals("/congress/proposals/" + accepted.proposal().id(), notifications.toUnitAdmins.get(30L).get(0).link());
    }

    @Test
    public void mergedProposalsPointToTheOneKept() {
        long kept = accepted();
        long other = inCommittee();
        expect(400, "request.field-invalid", () -> congress.decide(COMMITTEE, other,
                new DecisionDTO(CommitteeOutcome.MERGE, null, other, null, null, null)));
        expect(400, "request.field-missing", () -> congress.decide(COMMITTEE, other,
                new DecisionDTO(CommitteeOutcome.MERGE, null, null, null, null, null)));
        ProposalDetailDTO merged = congress.decide(COMMITTEE, other,
                new DecisionDTO(CommitteeOutcome.MERGE, "内容相近", kept, null, null, null));
        assertEquals(ProposalStatus.MERGED, merged.proposal().status());
        assertEquals(Long.valueOf(kept), merged.mergedIntoId());
        assertEquals(List.of(other), congress.get(PLAIN, kept).mergedIds());
        // a merged one cannot take others in
        long third = inCommittee();
        expect(400, "request.field-invalid", () -> congress.decide(COMMITTEE, third,
                new DecisionDTO(CommitteeOutcome.MERGE, null, other, null, null, null)));
    }

    @Test
    public void onlyTheLeadDepartmentAnswers() {
        long id = accepted();
        expect(403, "congress.not-lead-department", () -> congress.answer(OTHER_ADMIN, id, new AnswerDTO("答复")));
        expect(400, "request.field-missing", () -> congress.answer(LEAD_ADMIN, id, new AnswerDTO("")));
        ProposalDetailDTO answered = congress.answer(LEAD_ADMIN, id, new AnswerDTO("已纳入人才公寓建设计划"));
        assertEquals(ProposalStatus.ANSWERED, answered.proposal().status());
        assertEquals(1, answered.answerRound());
        expect(409, "congress.proposal.invalid-transition", () -> congress.answer(LEAD_ADMIN, id, new AnswerDTO("再答")));
        assertEquals(1, congress.tasksFor(PROPOSER).size());
        assertEquals(1, congress.tasksFor(SECONDER1).size());
    }

    @Test
    public void unsatisfiedSendsItBackOnceThenItCloses() {
        long id = accepted();
        congress.answer(LEAD_ADMIN, id, new AnswerDTO("第一次答复"));
        expect(403, "congress.not-rater", () -> congress.rate(HEAD, id, new RatingEditDTO(Rating.SATISFIED, null)));
        congress.rate(SECONDER1, id, new RatingEditDTO(Rating.SATISFIED, null));
        expect(409, "congress.rating.already", () -> congress.rate(SECONDER1, id, new RatingEditDTO(Rating.SATISFIED, null)));
        ProposalDetailDTO back = congress.rate(PROPOSER, id, new RatingEditDTO(Rating.UNSATISFIED, "未解决实际问题"));
        assertEquals(ProposalStatus.ACCEPTED, back.proposal().status());
        assertEquals(TODAY.plusDays(CongressService.REANSWER_DAYS), back.proposal().dueOn());
        congress.answer(LEAD_ADMIN, id, new AnswerDTO("第二次答复"));
        congress.rate(PROPOSER, id, new RatingEditDTO(Rating.UNSATISFIED, "仍不满意"));
        assertEquals("the second 不满意 does not send it back", ProposalStatus.ANSWERED, status(id));
        congress.rate(SECONDER1, id, new RatingEditDTO(Rating.BASICALLY_SATISFIED, null));
        assertEquals(ProposalStatus.ANSWERED, status(id));
        ProposalDetailDTO closed = congress.rate(SECONDER2, id, new RatingEditDTO(Rating.SATISFIED, null));
        assertEquals(ProposalStatus.CLOSED, closed.proposal().status());
        assertEquals(2, closed.answerRound());
        assertEquals(5, closed.ratings().size());
    }

    @Test
    public void overdueAnswersAreListedForSupervision() {
        long id = accepted();
        long other = accepted();
        congress.answer(LEAD_ADMIN, other, new AnswerDTO("按期答复"));
        assertTrue(congress.overdueList(UNION_ADMIN, null).isEmpty());
        expect(409, "congress.proposal.not-overdue", () -> congress.supervise(UNION_ADMIN, id));
        clock.now = T0.plus(java.time.Duration.ofDays(30));
        assertTrue("due day itself is not overdue", congress.overdueList(UNION_ADMIN, null).isEmpty());
        clock.now = T0.plus(java.time.Duration.ofDays(31));
        List<ProposalDTO> overdue = congress.overdueList(COMMITTEE, sessionId);
        assertEquals(1, overdue.size());
        assertEquals(id, overdue.get(0).id());
        assertTrue(overdue.get(0).overdue());
        expect(403, "congress.not-supervisor", () -> congress.overdueList(PLAIN, null));
        expect(403, "congress.not-supervisor", () -> congress.overdueList(LEAD_ADMIN, null));
        expect(403, "congress.union-admin-only", () -> congress.supervise(COMMITTEE, id));
        int toldBefore = notifications.toUnitAdmins.getOrDefault(30L, List.of()).size();
        congress.supervise(UNION_ADMIN, id);
        assertTrue(congress.get(UNION_ADMIN, id).history().stream().anyMatch(t -> t.action().equals("supervise")));
        assertEquals("督办 tells the lead department", toldBefore + 1, notifications.toUnitAdmins.get(30L).size());
        assertTrue("the task shows as overdue", congress.tasksFor(LEAD_ADMIN).stream()
                .anyMatch(t -> t.due() != null && t.due().isBefore(clock.now)));
    }

    @Test
    public void statisticsCountOutcomesRatesAndDepartments() {
        long a = accepted();
        long b = accepted();
        long c = inCommittee();
        congress.decide(COMMITTEE, c, new DecisionDTO(CommitteeOutcome.NOT_ACCEPT, "不属于提案范围", null, null, null, null));
        congress.answer(LEAD_ADMIN, a, new AnswerDTO("答复"));
        congress.rate(PROPOSER, a, new RatingEditDTO(Rating.SATISFIED, null));
        congress.rate(SECONDER1, a, new RatingEditDTO(Rating.BASICALLY_SATISFIED, null));
        congress.rate(SECONDER2, a, new RatingEditDTO(Rating.SATISFIED, null));
        draft(); // drafts are not counted
        StatisticsDTO s = congress.statistics(sessionId);
        assertEquals(3, s.total());
        assertEquals(2, s.accepted());
        assertEquals(1, s.answered());
        assertEquals("0.500", s.answerRate().toPlainString());
        assertEquals(3, s.ratings());
        assertEquals("1.000", s.satisfactionRate().toPlainString());
        assertEquals(1, s.byStatus().stream().filter(x -> x.status() == ProposalStatus.NOT_ACCEPTED).findFirst()
                .orElseThrow().count());
        assertEquals(1, s.departments().size());
        assertEquals("教务部", s.departments().get(0).unitName());
        assertEquals(2, s.departments().get(0).assigned());
        List<List<String>> rows = CongressService.statisticsRows(s);
        assertEquals(List.of("教务部", "2", "1", "0", "0.500", "3", "1.000"), rows.get(0));
        assertEquals("合计", rows.get(1).get(0));
        assertFalse(b == a);
    }

    @Test
    public void handledPerUnitCountsAnsweredProposalsOfTheYear() {
        long a = accepted();
        accepted();
        congress.answer(LEAD_ADMIN, a, new AnswerDTO("答复"));
        assertEquals(1, congress.handledPerUnit(2026).get(30L).intValue());
        assertTrue(congress.handledPerUnit(2025).isEmpty());
    }
}
