package cn.edu.cumt.union.api.flow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;

/** Every shared rule of a review flow, each with a test that tries to get round it. */
public class FlowRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Set<FlowAction> ALL = Set.of(FlowAction.APPROVE, FlowAction.REJECT, FlowAction.RETURN);

    /** Two stages: the unit's admins first (3 days), then the union (no RETURN there), four eyes on approval. */
    private static final FlowDefinition TWO = new FlowDefinition("test.two", List.of(
            new Stage("unit", "单位初审", Actor.unitAdmins(), ALL, 3),
            new Stage("union", "校工会终审", Actor.role(Roles.UNION_ADMIN), Set.of(FlowAction.APPROVE, FlowAction.REJECT), 0)),
            true);
    private static final FlowDefinition TWO_WITHOUT_RULE = new FlowDefinition("test.loose", TWO.stages(), false);

    /** Anyone named here is an actor of every stage, applicant side only when said. */
    private static FlowRules.Caller reviewer(String name) {
        return new FlowRules.Caller(name, null, stage -> true, false, false);
    }

    private static FlowRules.Caller applicantSide(String name) {
        return new FlowRules.Caller(name, null, stage -> true, true, false);
    }

    private static FlowRules.Caller unionAdmin(String name) {
        return new FlowRules.Caller(name, null, stage -> true, false, true);
    }

    private static FlowCase submitted(FlowDefinition flow) {
        return FlowRules.submit(flow, "applicant", 77L, 5, T0).after();
    }

    private static FlowCase act(FlowDefinition flow, FlowCase current, FlowRules.Caller who, FlowAction action) {
        return FlowRules.act(flow, current, who, action, null, null, T0.plusSeconds(60)).after();
    }


    @Test
    public void aSubmittedCaseWaitsAtTheFirstStageAndTheStepIsHistory() {
        FlowOutcome opened = FlowRules.submit(TWO, "applicant", 77L, 5, T0);
        assertEquals(CaseState.IN_REVIEW, opened.after().state());
        assertEquals("unit", opened.after().stage());
        assertEquals(T0, opened.after().since());
        assertEquals(FlowAction.SUBMIT, opened.step().action());
        assertEquals("applicant", opened.step().actor());
        assertNull(opened.step().from());
    }

    @Test
    public void approvalMovesThroughTheStagesToApproved() {
        FlowCase atUnion = act(TWO, submitted(TWO), reviewer("a"), FlowAction.APPROVE);
        assertEquals("union", atUnion.stage());
        assertEquals(CaseState.IN_REVIEW, atUnion.state());
        assertEquals("a", atUnion.firstReviewer());
        FlowOutcome done = FlowRules.act(TWO, atUnion, reviewer("b"), FlowAction.APPROVE, "union", "同意", T0);
        assertEquals(CaseState.APPROVED, done.after().state());
        assertEquals("b", done.step().actor());
        assertEquals("同意", done.step().comment());
        assertEquals(CaseState.IN_REVIEW, done.step().from());
        assertEquals(CaseState.APPROVED, done.step().to());
    }

    @Test
    public void anApplicantNeverDecidesTheirOwnCase() {
        FlowCase open = submitted(TWO);
        for (FlowAction decision : ALL) {
            refused(403, "flow.own-case", () -> FlowRules.act(TWO, open, reviewer("applicant"), decision, null, null, T0));
        }
        // the same member under another account name is still the applicant
        FlowRules.Caller secondAccount = new FlowRules.Caller("other-login", 77L, stage -> true, false, false);
        refused(403, "flow.own-case", () -> FlowRules.act(TWO, open, secondAccount, FlowAction.APPROVE, null, null, T0));
        assertFalse(FlowRules.waitsOn(TWO, open, reviewer("applicant")));
        assertFalse(FlowRules.waitsOn(TWO, open, secondAccount));
    }

    @Test
    public void theFinalApprovalIsNotTakenByTheFirstReviewer() {
        FlowCase atUnion = act(TWO, submitted(TWO), reviewer("a"), FlowAction.APPROVE);
        refused(403, "flow.first-reviewer", () -> act(TWO, atUnion, reviewer("a"), FlowAction.APPROVE));
        assertFalse("the case does not wait on who may not decide it", FlowRules.waitsOn(TWO, atUnion, reviewer("a")));
        assertTrue(FlowRules.waitsOn(TWO, atUnion, reviewer("b")));
        assertEquals(CaseState.APPROVED, act(TWO, atUnion, reviewer("b"), FlowAction.APPROVE).state());
        // without the rule the same reviewer may
        FlowCase loose = act(TWO_WITHOUT_RULE, submitted(TWO_WITHOUT_RULE), reviewer("a"), FlowAction.APPROVE);
        assertEquals(CaseState.APPROVED, act(TWO_WITHOUT_RULE, loose, reviewer("a"), FlowAction.APPROVE).state());
    }

    @Test
    public void aReturnMakesItsReviewerTheFirstReviewerToo() {
        FlowCase returned = act(TWO, submitted(TWO), reviewer("a"), FlowAction.RETURN);
        assertEquals("a", returned.firstReviewer());
        FlowCase again = act(TWO, returned, applicantSide("applicant"), FlowAction.RESUBMIT);
        FlowCase atUnion = act(TWO, again, reviewer("b"), FlowAction.APPROVE);
        assertEquals("a", atUnion.firstReviewer());
        refused(403, "flow.first-reviewer", () -> act(TWO, atUnion, reviewer("a"), FlowAction.APPROVE));
    }

    @Test
    public void theRuleNeedsTwoStages() {
        Stage only = TWO.stages().get(0);
        assertThrows(IllegalArgumentException.class, () -> new FlowDefinition("x", List.of(only), true));
        assertThrows(IllegalArgumentException.class, () -> new FlowDefinition("x", List.of(only, only), false));
        assertThrows(IllegalArgumentException.class, () -> new FlowDefinition("x", List.of(), false));
        assertThrows(IllegalArgumentException.class,
                () -> new Stage("s", "s", Actor.unitAdmins(), Set.of(FlowAction.WITHDRAW), 0));
        assertThrows(IllegalArgumentException.class, () -> Actor.duty(" "));
    }

    @Test
    public void onlyTheStagesActorDecides() {
        FlowRules.Caller outsider = new FlowRules.Caller("x", null, stage -> false, false, false);
        refused(403, "flow.not-your-turn", () -> act(TWO, submitted(TWO), outsider, FlowAction.APPROVE));
        assertFalse(FlowRules.waitsOn(TWO, submitted(TWO), outsider));
        // an actor of the first stage only cannot decide at the second
        FlowRules.Caller unitOnly = new FlowRules.Caller("u", null, stage -> stage.id().equals("unit"), false, false);
        FlowCase atUnion = act(TWO, submitted(TWO), unitOnly, FlowAction.APPROVE);
        refused(403, "flow.not-your-turn", () -> act(TWO, atUnion, unitOnly, FlowAction.REJECT));
    }

    @Test
    public void actingAtAnotherStageOrWithADecisionTheStageDoesNotAllowIsRefused() {
        FlowCase atUnion = act(TWO, submitted(TWO), reviewer("a"), FlowAction.APPROVE);
        refused(409, "flow.wrong-stage",
                () -> FlowRules.act(TWO, atUnion, reviewer("b"), FlowAction.APPROVE, "unit", null, T0));
        refused(409, "flow.not-allowed", () -> act(TWO, atUnion, reviewer("b"), FlowAction.RETURN));
        FlowCase unknownStage = new FlowCase(5, "applicant", null, CaseState.IN_REVIEW, "gone", T0, null, null);
        refused(409, "flow.wrong-stage", () -> act(TWO, unknownStage, reviewer("b"), FlowAction.APPROVE));
        refused(409, "flow.not-allowed", () -> act(TWO, submitted(TWO), reviewer("b"), FlowAction.SUBMIT));
        refused(409, "flow.not-allowed", () -> act(TWO, submitted(TWO), unionAdmin("b"), FlowAction.REASSIGN));
    }

    @Test
    public void aReturnedCaseIsResubmittedByTheApplicantSideToTheStageThatReturnedIt() {
        FlowCase atUnion = act(TWO_WITHOUT_RULE, submitted(TWO_WITHOUT_RULE), reviewer("a"), FlowAction.APPROVE);
        FlowCase returned = act(TWO_WITHOUT_RULE, new FlowCase(5, "applicant", 77L, CaseState.IN_REVIEW, "unit", T0,
                null, "a"), reviewer("b"), FlowAction.RETURN);
        assertEquals(CaseState.RETURNED, returned.state());
        assertTrue(FlowRules.waitsOn(TWO, returned, applicantSide("applicant")));
        assertFalse(FlowRules.waitsOn(TWO, returned, reviewer("b")));
        refused(403, "flow.not-your-turn", () -> act(TWO, returned, reviewer("b"), FlowAction.RESUBMIT));
        refused(409, "flow.not-allowed", () -> act(TWO, returned, reviewer("b"), FlowAction.APPROVE));
        refused(409, "flow.not-allowed", () -> act(TWO, atUnion, applicantSide("applicant"), FlowAction.RESUBMIT));
        FlowCase again = act(TWO, returned, applicantSide("applicant"), FlowAction.RESUBMIT);
        assertEquals(CaseState.IN_REVIEW, again.state());
        assertEquals("unit", again.stage());
    }

    @Test
    public void onlyTheApplicantSideWithdrawsAndNothingFollowsAFinalState() {
        FlowCase open = submitted(TWO);
        refused(403, "flow.not-your-turn", () -> act(TWO, open, reviewer("a"), FlowAction.WITHDRAW));
        FlowCase withdrawn = act(TWO, open, applicantSide("applicant"), FlowAction.WITHDRAW);
        assertEquals(CaseState.WITHDRAWN, withdrawn.state());
        for (FlowAction action : FlowAction.values()) {
            refused(409, "flow.not-allowed", () -> act(TWO, withdrawn, applicantSide("applicant"), action));
        }
        FlowCase rejected = act(TWO, open, reviewer("a"), FlowAction.REJECT);
        refused(409, "flow.not-allowed", () -> act(TWO, rejected, applicantSide("applicant"), FlowAction.WITHDRAW));
        refused(409, "flow.not-allowed", () -> FlowRules.reassign(TWO, rejected, unionAdmin("u"), "b", null, T0));
        assertFalse(FlowRules.waitsOn(TWO, rejected, reviewer("b")));
    }

    @Test
    public void reassigningNarrowsTheStageToOneReviewerWhoMustStillBeItsActor() {
        FlowCase open = submitted(TWO);
        refused(403, "flow.reassign-not-allowed", () -> FlowRules.reassign(TWO, open, reviewer("a"), "b", null, T0));
        refused(400, "request.field-invalid", () -> FlowRules.reassign(TWO, open, unionAdmin("u"), "applicant", null, T0));
        FlowRules.Caller applicantAdmin = new FlowRules.Caller("applicant", null, stage -> true, true, true);
        refused(403, "flow.own-case", () -> FlowRules.reassign(TWO, open, applicantAdmin, "b", null, T0));
        FlowOutcome handed = FlowRules.reassign(TWO, open, unionAdmin("u"), "b", null, T0);
        assertEquals("b", handed.after().assignee());
        assertEquals(FlowAction.REASSIGN, handed.step().action());
        refused(403, "flow.not-your-turn", () -> act(TWO, handed.after(), reviewer("a"), FlowAction.APPROVE));
        assertFalse(FlowRules.waitsOn(TWO, handed.after(), reviewer("a")));
        assertTrue(FlowRules.waitsOn(TWO, handed.after(), reviewer("b")));
        FlowRules.Caller bNoLonger = new FlowRules.Caller("b", null, stage -> false, false, false);
        refused(403, "flow.not-your-turn", () -> act(TWO, handed.after(), bNoLonger, FlowAction.APPROVE));
        FlowCase next = act(TWO, handed.after(), reviewer("b"), FlowAction.APPROVE);
        assertNull("the next stage is open to all its actors again", next.assignee());
        // the final stage is never handed to the first reviewer
        refused(400, "request.field-invalid", () -> FlowRules.reassign(TWO, next, unionAdmin("u"), "b", null, T0));
        assertNull(FlowRules.reassign(TWO, handed.after(), unionAdmin("u"), " ", null, T0).after().assignee());
    }

    @Test
    public void eachStageHasItsDeadlineAndOnlyCasesInReviewAreOverdue() {
        FlowCase open = submitted(TWO);
        assertEquals(T0.plus(Duration.ofDays(3)), FlowRules.due(TWO, open));
        assertFalse(FlowRules.overdue(TWO, open, T0.plus(Duration.ofDays(3))));
        assertTrue(FlowRules.overdue(TWO, open, T0.plus(Duration.ofDays(3)).plusSeconds(1)));
        FlowCase atUnion = act(TWO, open, reviewer("a"), FlowAction.APPROVE);
        assertNull("the union stage has no deadline", FlowRules.due(TWO, atUnion));
        FlowCase returned = act(TWO, open, reviewer("a"), FlowAction.RETURN);
        assertNull(FlowRules.due(TWO, returned));
        assertFalse(FlowRules.overdue(TWO, returned, T0.plus(Duration.ofDays(30))));
        FlowCase resubmitted = act(TWO, returned, applicantSide("applicant"), FlowAction.RESUBMIT);
        assertEquals("the clock starts again on resubmission", T0.plusSeconds(60).plus(Duration.ofDays(3)),
                FlowRules.due(TWO, resubmitted));
    }

    /** The call is refused with this status and code. */
    private static void refused(int status, String code, Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            assertEquals(status, e.status());
            assertEquals(code, e.code());
            return;
        }
        fail("expected " + status + " " + code);
    }
}
