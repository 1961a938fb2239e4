package cn.edu.cumt.union.plugin.brand.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import cn.edu.cumt.union.api.flow.Actor;
import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;

/** The transition table, pair by pair, and the grade bands. */
public class BrandFlowTest {

    private static final Map<BrandStatus, Map<BrandAction, BrandStatus>> EXPECTED = Map.of(
            BrandStatus.SUBMITTED, Map.of(BrandAction.EDIT, BrandStatus.SUBMITTED,
                    BrandAction.WITHDRAW, BrandStatus.WITHDRAWN, BrandAction.APPROVE, BrandStatus.APPROVED,
                    BrandAction.REJECT, BrandStatus.REJECTED, BrandAction.RETURN, BrandStatus.RETURNED,
                    BrandAction.REASSIGN, BrandStatus.SUBMITTED),
            BrandStatus.RETURNED, Map.of(BrandAction.EDIT, BrandStatus.RETURNED,
                    BrandAction.WITHDRAW, BrandStatus.WITHDRAWN, BrandAction.RESUBMIT, BrandStatus.SUBMITTED),
            BrandStatus.APPROVED, Map.of(BrandAction.PROGRESS, BrandStatus.IN_PROGRESS,
                    BrandAction.COMPLETE, BrandStatus.COMPLETED),
            BrandStatus.IN_PROGRESS, Map.of(BrandAction.PROGRESS, BrandStatus.IN_PROGRESS,
                    BrandAction.COMPLETE, BrandStatus.COMPLETED));

    @Test
    public void everyStatusAndActionPairIsAllowedOrRefusedAsTheTableSays() {
        int allowed = 0;
        for (BrandStatus from : BrandStatus.values()) {
            Map<BrandAction, BrandStatus> moves = EXPECTED.getOrDefault(from, Map.of());
            assertEquals(from.toString(), moves, BrandFlow.allowed(from));
            for (BrandAction action : BrandAction.values()) {
                if (moves.containsKey(action)) {
                    assertEquals(from + " " + action, moves.get(action), BrandFlow.next(from, action));
                    allowed++;
                } else {
                    try {
                        BrandFlow.next(from, action);
                        throw new AssertionError(from + " " + action + " must be refused");
                    } catch (ApiException refused) {
                        assertEquals(409, refused.status());
                        assertEquals("brand.project.invalid-transition", refused.code());
                        assertTrue(refused.messageZh(), refused.messageZh().contains(from.label()));
                        assertTrue(refused.messageEn(), refused.messageEn().contains(from.name()));
                    }
                }
            }
        }
        assertEquals(13, allowed);
    }

    @Test
    public void applyingIsNoMoveAndFinalStatusesGoNowhere() {
        assertEquals(BrandStatus.SUBMITTED, BrandFlow.initial());
        for (BrandStatus from : BrandStatus.values()) {
            assertFalse(BrandFlow.allowed(from).containsKey(BrandAction.APPLY));
        }
        for (BrandStatus end : EnumSet.of(BrandStatus.REJECTED, BrandStatus.WITHDRAWN, BrandStatus.COMPLETED)) {
            assertTrue(end.toString(), BrandFlow.allowed(end).isEmpty());
        }
    }

    @Test
    public void whoHoldsTheYearAndWhoIsPublic() {
        Set<BrandStatus> holding = EnumSet.noneOf(BrandStatus.class);
        Set<BrandStatus> open = EnumSet.noneOf(BrandStatus.class);
        for (BrandStatus status : BrandStatus.values()) {
            if (status.holdsYear()) {
                holding.add(status);
            }
            if (status.isPublic()) {
                open.add(status);
            }
        }
        assertEquals(EnumSet.complementOf(EnumSet.of(BrandStatus.REJECTED, BrandStatus.WITHDRAWN)), holding);
        assertEquals(BrandService.PUBLIC, open);
    }

    @Test
    public void theReviewIsOneStageOfUnionAdministratorsAndEveryStatusMapsOntoTheFlow() {
        assertEquals(1, BrandFlow.REVIEW.stages().size());
        assertEquals(Actor.role(Roles.UNION_ADMIN), BrandFlow.REVIEW.stages().get(0).actor());
        assertEquals(CaseState.IN_REVIEW, BrandFlow.caseState(BrandStatus.SUBMITTED));
        assertEquals(CaseState.RETURNED, BrandFlow.caseState(BrandStatus.RETURNED));
        for (BrandStatus after : EnumSet.of(BrandStatus.APPROVED, BrandStatus.IN_PROGRESS, BrandStatus.COMPLETED)) {
            assertEquals(CaseState.APPROVED, BrandFlow.caseState(after));
        }
        for (BrandAction action : BrandAction.values()) {
            FlowAction step = BrandFlow.flowAction(action);
            assertEquals(action.toString(), EnumSet.of(BrandAction.EDIT, BrandAction.PROGRESS, BrandAction.COMPLETE)
                    .contains(action), step == null);
            if (step != null) {
                assertEquals(action.name().replace("APPLY", "SUBMIT"), step.name());
            }
        }
    }

    @Test
    public void gradesFollowTheTotal() {
        assertEquals(BrandGrade.EXCELLENT, BrandGrade.of(new BigDecimal("100.00")));
        assertEquals(BrandGrade.EXCELLENT, BrandGrade.of(new BigDecimal("90.00")));
        assertEquals(BrandGrade.GOOD, BrandGrade.of(new BigDecimal("89.75")));
        assertEquals(BrandGrade.GOOD, BrandGrade.of(new BigDecimal("75.00")));
        assertEquals(BrandGrade.PASS, BrandGrade.of(new BigDecimal("74.75")));
        assertEquals(BrandGrade.PASS, BrandGrade.of(new BigDecimal("60.00")));
        assertEquals(BrandGrade.FAIL, BrandGrade.of(new BigDecimal("59.75")));
        assertEquals(BrandGrade.FAIL, BrandGrade.of(new BigDecimal("0.00")));
        assertEquals("优秀", BrandGrade.EXCELLENT.label());
        assertEquals("不合格", BrandGrade.FAIL.label());
    }
}
