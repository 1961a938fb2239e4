package cn.edu.cumt.union.plugin.brand.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

/** Approved projects: milestones, disbursements within the grant, the inspection and the final evaluation. */
public class BrandProgressTest extends BrandTestBase {

    @Test
    public void milestonesStartTheProjectAndBelongToIt() {
        long id = apply(10, "未立项").project().id();
        expect(409, "brand.project.invalid-transition", () -> brand.addMilestone(CS_ADMIN, id,
                new MilestoneEditDTO("启动", TODAY, false, null, null)));
        brand.review(UNION_ADMIN, id, new ReviewDTO(BrandDecision.APPROVE, yuan("1000"), null));

        BrandProjectDetailDTO started = brand.addMilestone(CS_ADMIN, id,
                new MilestoneEditDTO("结题汇报", TODAY.plusMonths(9), false, null, null));
        started = brand.addMilestone(CS_ADMIN, id, new MilestoneEditDTO("启动仪式", TODAY.plusDays(5), null, null, "礼堂"));
        assertEquals(BrandStatus.IN_PROGRESS, started.project().status());
        assertEquals(List.of("启动仪式", "结题汇报"), started.milestones().stream().map(MilestoneDTO::title).toList());
        assertEquals(BrandAction.PROGRESS, started.history().get(started.history().size() - 1).action());
        assertEquals("one move to IN_PROGRESS, not one per milestone", 3, started.history().size());

        long first = started.milestones().get(0).id();
        expect(404, "brand.project.not-found", () -> brand.updateMilestone(MATH_ADMIN, id, first,
                new MilestoneEditDTO("x", TODAY, true, null, null)));
        clock.now = T0.plusSeconds(3600);
        MilestoneDTO done = brand.updateMilestone(CS_ADMIN, id, first,
                new MilestoneEditDTO("启动仪式", TODAY.plusDays(5), true, null, "已举行")).milestones().get(0);
        assertTrue(done.done());
        assertEquals(TODAY, done.doneDate());
        assertEquals("已举行", done.note());
        assertEquals("cs-admin", done.updatedBy());

        long other = approved(20, "数学", "10");
        long foreign = brand.addMilestone(UNION_ADMIN, other, new MilestoneEditDTO("m", TODAY, false, null, null))
                .milestones().get(0).id();
        expect(404, "brand.milestone.not-found", () -> brand.updateMilestone(CS_ADMIN, id, foreign,
                new MilestoneEditDTO("x", TODAY, false, null, null)));
        expect(404, "brand.milestone.not-found", () -> brand.deleteMilestone(CS_ADMIN, id, foreign));
        assertEquals(1, brand.deleteMilestone(CS_ADMIN, id, first).milestones().size());
        assertTrue(audit.lines.contains("ok brand.milestone.update " + id));
        assertTrue(audit.lines.contains("ok brand.milestone.delete " + id));
    }

    @Test
    public void disbursementsNeverExceedTheGrant() {
        long id = approved(10, "经费", "1000");
        expect(403, "brand.union-admin-only", () -> brand.disburse(CS_ADMIN, id,
                new DisbursementEditDTO(yuan("1"), TODAY, null)));
        brand.disburse(UNION_ADMIN, id, new DisbursementEditDTO(yuan("600"), TODAY.minusDays(1), "首笔"));
        int lines = audit.lines.size();
        ApiException over = expect(409, "brand.disbursement.over-grant", () -> brand.disburse(UNION_ADMIN, id,
                new DisbursementEditDTO(yuan("400.01"), TODAY, null)));
        assertTrue(over.messageZh(), over.messageZh().contains("1000.01") && over.messageZh().contains("1000.00"));
        assertEquals("a refusal is not audited as a change", lines, audit.lines.size());

        BrandProjectDetailDTO full = brand.disburse(UNION_ADMIN, id, new DisbursementEditDTO(yuan("400"), TODAY, null));
        assertEquals(new BigDecimal("1000.00"), full.project().disbursed());
        assertEquals(List.of(new BigDecimal("600.00"), new BigDecimal("400.00")),
                full.disbursements().stream().map(DisbursementDTO::amount).toList());
        assertEquals(BrandStatus.IN_PROGRESS, full.project().status());
        expect(409, "brand.disbursement.over-grant", () -> brand.disburse(UNION_ADMIN, id,
                new DisbursementEditDTO(yuan("0.01"), TODAY, null)));
        assertEquals(new BigDecimal("1000.00"), brand.list(CS_ADMIN, 2026, 10L, null, 0, 10).items().get(0).disbursed());
    }

    @Test
    public void inspectionAndEvaluationAreTheUnionsAndCompleteTheProject() {
        long id = approved(10, "结项", "1000");
        expect(403, "brand.union-admin-only", () -> brand.inspect(CS_ADMIN, id,
                new InspectionEditDTO(TODAY, "良好", InspectionRating.GOOD)));
        brand.inspect(UNION_ADMIN, id, new InspectionEditDTO(TODAY.minusDays(2), "进度偏慢", InspectionRating.NEEDS_IMPROVEMENT));
        InspectionDTO inspection = brand.inspect(UNION_ADMIN, id,
                new InspectionEditDTO(TODAY, "按计划推进", InspectionRating.SATISFACTORY)).inspection();
        assertEquals(TODAY, inspection.date());
        assertEquals(InspectionRating.SATISFACTORY, inspection.rating());
        assertEquals("较好", inspection.ratingLabel());
        assertEquals("admin", inspection.inspectedBy());

        expect(403, "brand.union-admin-only", () -> brand.evaluate(CS_ADMIN, id,
                new EvaluationEditDTO(90, 90, 90, 90, null)));
        expect(400, "request.field-invalid", () -> brand.evaluate(UNION_ADMIN, id,
                new EvaluationEditDTO(90, 90, 90, 101, null)));
        BrandProjectDetailDTO completed = brand.evaluate(UNION_ADMIN, id, new EvaluationEditDTO(92, 88, 80, 70, "特色鲜明"));
        assertEquals(BrandStatus.COMPLETED, completed.project().status());
        assertEquals(new BigDecimal("82.50"), completed.evaluation().total());
        assertEquals(BrandGrade.GOOD, completed.evaluation().grade());
        assertEquals("良好", completed.project().gradeLabel());
        assertEquals(new BigDecimal("82.50"), completed.project().totalScore());

        expect(409, "brand.project.invalid-transition", () -> brand.evaluate(UNION_ADMIN, id,
                new EvaluationEditDTO(100, 100, 100, 100, null)));
        expect(409, "brand.project.invalid-transition", () -> brand.addMilestone(CS_ADMIN, id,
                new MilestoneEditDTO("晚了", TODAY, false, null, null)));
        expect(409, "brand.project.invalid-transition", () -> brand.disburse(UNION_ADMIN, id,
                new DisbursementEditDTO(yuan("1"), TODAY, null)));
        expect(409, "brand.project.invalid-transition", () -> brand.inspect(UNION_ADMIN, id,
                new InspectionEditDTO(TODAY, "x", InspectionRating.GOOD)));
        assertEquals(BrandGrade.GOOD, brand.get(MEMBER, id).evaluation().grade());
        assertNull("members do not see the inspection", brand.get(MEMBER, id).inspection());
        assertTrue(audit.lines.contains("ok brand.evaluation.record " + id));
    }

    @Test
    public void aProjectNotYetApprovedCannotBeEvaluatedOrFunded() {
        long id = apply(10, "未审").project().id();
        expect(409, "brand.project.invalid-transition", () -> brand.evaluate(UNION_ADMIN, id,
                new EvaluationEditDTO(90, 90, 90, 90, null)));
        expect(409, "brand.project.invalid-transition", () -> brand.disburse(UNION_ADMIN, id,
                new DisbursementEditDTO(yuan("1"), TODAY, null)));
        assertFalse(brand.get(UNION_ADMIN, id).project().status().isPublic());
    }
}
