package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.notify.Notice;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.testing.FakeNotifications;

/** The main path and who may act at each stage. */
public class HardshipFlowTest extends HardshipTestBase {

    @Test
    public void memberAppliesUnitApprovesUnionGrantsWithinCapsAndPays() {
        long id = apply(MEMBER, null, Fund.LOVE_FUND, "6000");
        HardshipDetailDTO opened = hardship.get(MEMBER, id);
        assertEquals(CaseState.IN_REVIEW, opened.application().state());
        assertEquals(HardshipFlow.UNIT_STAGE, opened.application().stage());
        assertEquals(10L, opened.application().unitId());
        assertEquals("S203", opened.application().staffNo());

        HardshipDetailDTO atUnion = decide(CS_ADMIN, id, HardshipDecision.APPROVE, null);
        assertEquals(HardshipFlow.UNION_STAGE, atUnion.application().stage());
        // the union's cap per case is 5000 for the love fund: 6000 asked, 5000.01 refused, 5000 granted
        expect(409, "welfare.cap.case", () -> decide(UNION_ADMIN, id, HardshipDecision.APPROVE, "5000.01"));
        HardshipDetailDTO approved = decide(UNION_ADMIN, id, HardshipDecision.APPROVE, "5000");
        assertEquals(CaseState.APPROVED, approved.application().state());
        assertEquals(yuan("5000.00"), approved.application().amountGranted());

        expect(409, "welfare.fund.insufficient", () -> hardship.pay(UNION_ADMIN, id, new PaymentDTO(TODAY, null)));
        hardship.addIncome(UNION_ADMIN, Fund.LOVE_FUND, new FundIncomeEditDTO(yuan("8000"), TODAY, "校工会拨入"));
        expect(403, "welfare.union-admin-only", () -> hardship.pay(CS_ADMIN, id, new PaymentDTO(TODAY, null)));
        HardshipDetailDTO paid = hardship.pay(UNION_ADMIN, id, new PaymentDTO(TODAY, "银行转账"));
        assertTrue(paid.application().paid());
        expect(409, "welfare.case.already-paid", () -> hardship.pay(UNION_ADMIN, id, new PaymentDTO(TODAY, null)));
        FundBalanceDTO love = hardship.report(UNION_ADMIN, 2026).funds().get(0);
        assertEquals(yuan("3000.00"), love.balance());
        assertEquals(yuan("5000.00"), love.yearPaid());
        assertEquals(3, paid.history().size());
        assertTrue(audit.toString(), audit.lines.stream().anyMatch(e -> e.startsWith("ok welfare.case.pay")));
    }

    @Test
    public void noticesCarryNoContentAndTasksNoName() {
        long id = apply(CS_ADMIN, 203L, Fund.TEMP_SUBSIDY, "800");
        decide(CS_ADMIN2, id, HardshipDecision.RETURN, null);
        List<FakeNotifications.Sent> inbox = notifications.inbox(203);
        assertEquals(2, inbox.size());
        for (FakeNotifications.Sent sent : inbox) {
            assertEquals(Notice.CONFIDENTIAL_TITLE, sent.title());
            assertEquals(Notice.CONFIDENTIAL_BODY, sent.body());
            assertEquals("/p/welfare/case?id=" + id, sent.link());
        }
        List<TaskDTO> mine = hardship.tasksFor(MEMBER);
        assertEquals(1, mine.size());
        assertFalse(mine.get(0).title(), mine.get(0).title().contains("会员203"));
        assertTrue(mine.get(0).title(), mine.get(0).title().contains("#" + id));
        assertTrue(hardship.tasksFor(OTHER_MEMBER).isEmpty());
        assertTrue(hardship.tasksFor(MATH_ADMIN).isEmpty());
        hardship.resubmit(MEMBER, id, new HardshipResubmitDTO("补充了医院证明", null));
        // back at the unit's stage: it waits on the unit's other administrator, not on the one who filed it
        assertTrue(hardship.tasksFor(CS_ADMIN).isEmpty());
        assertEquals(1, hardship.tasksFor(CS_ADMIN2).size());
        assertTrue(hardship.tasksFor(MEMBER).isEmpty());
    }

    @Test
    public void theApplicantNeverReviewsTheirOwnCase() {
        long own = apply(CS_ADMIN, null, Fund.LOVE_FUND, "1000");
        expect(403, "flow.own-case", () -> decide(CS_ADMIN, own, HardshipDecision.APPROVE, null));
        decide(CS_ADMIN2, own, HardshipDecision.APPROVE, null);
        long unionAdminsMember = apply(CS_ADMIN, 203L, Fund.LOVE_FUND, "1000");
        // filed on the member's behalf: the one who filed does not take the unit's decision either
        expect(403, "welfare.case.own-filing", () -> decide(CS_ADMIN, unionAdminsMember, HardshipDecision.APPROVE, null));
        // the member it is for is its applicant, even though someone else filed it
        assertEquals("S203", hardship.get(MEMBER, unionAdminsMember).application().staffNo());
    }

    @Test
    public void whoMayActAtEachStage() {
        long id = apply(MEMBER, null, Fund.LOVE_FUND, "1000");
        expect(404, "welfare.case.not-found", () -> decide(OTHER_MEMBER, id, HardshipDecision.APPROVE, null));
        expect(404, "welfare.case.not-found", () -> decide(MATH_ADMIN, id, HardshipDecision.APPROVE, null));
        expect(400, "request.field-invalid", () -> decide(CS_ADMIN, id, HardshipDecision.APPROVE, "100"));
        decide(CS_ADMIN, id, HardshipDecision.APPROVE, null);
        expect(403, "flow.not-your-turn", () -> decide(CS_ADMIN2, id, HardshipDecision.APPROVE, "100"));
        expect(400, "request.field-missing", () -> decide(UNION_ADMIN, id, HardshipDecision.APPROVE, null));
        expect(400, "request.field-invalid", () -> decide(UNION_ADMIN, id, HardshipDecision.APPROVE, "1000.01"));
        expect(409, "flow.wrong-stage", () -> hardship.review(UNION_ADMIN, id,
                new HardshipReviewDTO(HardshipDecision.APPROVE, "unit", null, yuan("100"))));
        decide(UNION_ADMIN, id, HardshipDecision.APPROVE, "1000");
        expect(409, "flow.not-allowed", () -> decide(OTHER_UNION_ADMIN, id, HardshipDecision.REJECT, null));
    }

    @Test
    public void theFirstReviewerDoesNotCloseTheCase() {
        long id = apply(MEMBER, null, Fund.LOVE_FUND, "1000");
        decide(UNION_ADMIN, id, HardshipDecision.APPROVE, null); // a union administrator may take the unit's stage
        expect(403, "flow.first-reviewer", () -> decide(UNION_ADMIN, id, HardshipDecision.APPROVE, "500"));
        assertEquals(CaseState.APPROVED, decide(OTHER_UNION_ADMIN, id, HardshipDecision.APPROVE, "500").application().state());
    }

    @Test
    public void withdrawAndRejectAreFinal() {
        long id = apply(MEMBER, null, Fund.TEMP_SUBSIDY, "300");
        expect(404, "welfare.case.not-found", () -> hardship.withdraw(OTHER_MEMBER, id));
        assertEquals(CaseState.WITHDRAWN, hardship.withdraw(MEMBER, id).application().state());
        expect(409, "flow.not-allowed", () -> decide(CS_ADMIN, id, HardshipDecision.APPROVE, null));
        long rejected = apply(MEMBER, null, Fund.TEMP_SUBSIDY, "300");
        expect(400, "request.field-missing", () -> hardship.review(CS_ADMIN, rejected,
                new HardshipReviewDTO(HardshipDecision.REJECT, null, null, null)));
        assertEquals(CaseState.REJECTED, decide(CS_ADMIN, rejected, HardshipDecision.REJECT, null).application().state());
        assertNull(hardship.get(MEMBER, rejected).application().amountGranted());
    }

    @Test
    public void inputIsChecked() {
        expect(400, "request.field-missing", () -> hardship.apply(MEMBER, new HardshipApplyDTO(null, null, "r", yuan("1"), null, null)));
        expect(400, "request.field-missing", () -> hardship.apply(MEMBER, new HardshipApplyDTO(Fund.LOVE_FUND, null, " ", yuan("1"), null, null)));
        expect(400, "request.field-invalid", () -> hardship.apply(MEMBER, new HardshipApplyDTO(Fund.LOVE_FUND, null, "r", yuan("0"), null, null)));
        expect(400, "request.field-invalid", () -> hardship.apply(MEMBER, new HardshipApplyDTO(Fund.LOVE_FUND, null, "r", yuan("1.001"), null, null)));
        expect(400, "request.field-invalid", () -> hardship.apply(MEMBER, new HardshipApplyDTO(Fund.LOVE_FUND, null, "r", yuan("1"), "1234", null)));
        expect(400, "request.field-missing", () -> hardship.apply(UNION_ADMIN, new HardshipApplyDTO(Fund.LOVE_FUND, null, "r", yuan("1"), null, null)));
        expect(404, "welfare.member.not-found", () -> hardship.apply(UNION_ADMIN, new HardshipApplyDTO(Fund.LOVE_FUND, 999L, "r", yuan("1"), null, null)));
    }
}
