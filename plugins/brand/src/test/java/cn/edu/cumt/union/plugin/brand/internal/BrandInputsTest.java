package cn.edu.cumt.union.plugin.brand.internal;

import static cn.edu.cumt.union.plugin.brand.internal.BrandTestBase.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.Test;

/** Money, years, dates, scores and milestones as clients send them. */
public class BrandInputsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    public void moneyIsPositiveBoundedAndInFen() {
        assertEquals(new BigDecimal("1234.50"), BrandInputs.money("m", new BigDecimal("1234.5")));
        assertEquals(new BigDecimal("0.01"), BrandInputs.money("m", new BigDecimal("0.010")));
        assertEquals(new BigDecimal("1000.00"), BrandInputs.money("m", new BigDecimal("1E+3")));
        assertEquals(new BigDecimal("10000000.00"), BrandInputs.money("m", new BigDecimal("10000000")));
        expect(400, "request.field-missing", () -> BrandInputs.money("m", null));
        expect(400, "request.field-invalid", () -> BrandInputs.money("m", BigDecimal.ZERO));
        expect(400, "request.field-invalid", () -> BrandInputs.money("m", new BigDecimal("-5")));
        expect(400, "request.field-invalid", () -> BrandInputs.money("m", new BigDecimal("1.234")));
        expect(400, "request.field-invalid", () -> BrandInputs.money("m", new BigDecimal("10000000.01")));
    }

    @Test
    public void yearsAndStatusesFromQueryParameters() {
        assertNull(BrandInputs.year(null));
        assertNull(BrandInputs.year(" "));
        assertEquals(Integer.valueOf(2026), BrandInputs.year(" 2026 "));
        expect(400, "request.field-invalid", () -> BrandInputs.year("1999"));
        expect(400, "request.field-invalid", () -> BrandInputs.year("2100"));
        expect(400, "request.field-invalid", () -> BrandInputs.year("twenty"));
        assertEquals(BrandStatus.IN_PROGRESS, cn.edu.cumt.union.api.rest.Fields.option("status", "in_progress", BrandStatus.class));
        assertNull(cn.edu.cumt.union.api.rest.Fields.option("status", "", BrandStatus.class));
        expect(400, "request.field-invalid", () -> cn.edu.cumt.union.api.rest.Fields.option("status", "DONE", BrandStatus.class));
    }

    @Test
    public void totalIsTheAverageWithTwoDecimals() {
        assertEquals(new BigDecimal("82.75"), BrandInputs.total(new EvaluationEditDTO(90, 85, 80, 76, null)));
        assertEquals(new BigDecimal("0.25"), BrandInputs.total(new EvaluationEditDTO(1, 0, 0, 0, null)));
        assertEquals(new BigDecimal("100.00"), BrandInputs.total(new EvaluationEditDTO(100, 100, 100, 100, null)));
        expect(400, "request.field-invalid", () -> BrandInputs.evaluation(new EvaluationEditDTO(101, 0, 0, 0, null)));
        expect(400, "request.field-invalid", () -> BrandInputs.evaluation(new EvaluationEditDTO(50, -1, 0, 0, null)));
        expect(400, "request.field-missing", () -> BrandInputs.evaluation(new EvaluationEditDTO(50, 50, null, 50, null)));
    }

    @Test
    public void milestonesAreDoneWithADateOrNotDoneWithout() {
        MilestoneEditDTO done = BrandInputs.milestone(new MilestoneEditDTO(" 启动 ", TODAY, true, null, ""), TODAY);
        assertEquals(new MilestoneEditDTO("启动", TODAY, true, TODAY, null), done);
        MilestoneEditDTO open = BrandInputs.milestone(new MilestoneEditDTO("结题", TODAY.plusMonths(6), null, null,
                "note"), TODAY);
        assertEquals(Boolean.FALSE, open.done());
        expect(400, "request.field-invalid", () -> BrandInputs.milestone(
                new MilestoneEditDTO("x", TODAY, false, TODAY, null), TODAY));
        expect(400, "request.field-invalid", () -> BrandInputs.milestone(
                new MilestoneEditDTO("x", TODAY, true, TODAY.plusDays(1), null), TODAY));
        expect(400, "request.field-missing", () -> BrandInputs.milestone(
                new MilestoneEditDTO("x", null, false, null, null), TODAY));
        expect(400, "request.field-invalid", () -> BrandInputs.milestone(
                new MilestoneEditDTO("x".repeat(201), TODAY, false, null, null), TODAY));
        expect(400, "request.field-invalid", () -> BrandInputs.disbursement(
                new DisbursementEditDTO(new BigDecimal("10"), TODAY.plusDays(1), null), TODAY));
        expect(400, "request.field-missing", () -> BrandInputs.inspection(
                new InspectionEditDTO(TODAY, "意见", null), TODAY));
    }
}
