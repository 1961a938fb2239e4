package cn.edu.cumt.union.plugin.brand.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.PageDTO;

/** Who sees which projects in lists, filters and paging, and the yearly report. */
public class BrandListTest extends BrandTestBase {

    long csSubmitted;
    long mathSubmitted;
    long chemApproved;
    long mathCompleted;

    private void fourProjects() {
        csSubmitted = apply(10, "计算机·已申报").project().id();
        mathSubmitted = apply(20, "数学·已申报").project().id();
        chemApproved = approved(30, "化工·已立项", "30000");
        mathCompleted = brand.apply(MATH_ADMIN, edit(20, 2025, "数学·已结项", "8000")).project().id();
        brand.review(UNION_ADMIN, mathCompleted, new ReviewDTO(BrandDecision.APPROVE, yuan("8000"), null));
        brand.disburse(UNION_ADMIN, mathCompleted, new DisbursementEditDTO(yuan("5000"), TODAY, null));
        brand.evaluate(UNION_ADMIN, mathCompleted, new EvaluationEditDTO(95, 90, 92, 88, null));
    }

    private static List<Long> ids(PageDTO<BrandProjectDTO> page) {
        return page.items().stream().map(BrandProjectDTO::id).toList();
    }

    @Test
    public void eachRoleSeesItsShareOfTheProjects() {
        fourProjects();
        assertEquals(List.of(csSubmitted, mathSubmitted, chemApproved, mathCompleted),
                ids(brand.list(UNION_ADMIN, null, null, null, 0, 10)));
        assertEquals(List.of(csSubmitted, chemApproved, mathCompleted), ids(brand.list(CS_ADMIN, null, null, null, 0, 10)));
        assertEquals(List.of(mathSubmitted, chemApproved, mathCompleted),
                ids(brand.list(MATH_ADMIN, null, null, null, 0, 10)));
        assertEquals(List.of(chemApproved, mathCompleted), ids(brand.list(MEMBER, null, null, null, 0, 10)));

        BrandProjectDTO chemForCs = brand.list(CS_ADMIN, null, 30L, null, 0, 10).items().get(0);
        assertEquals(false, chemForCs.managed());
        assertNull(chemForCs.budgetAsked());
        assertNull(chemForCs.fundingGranted());
        BrandProjectDTO completedForMath = brand.list(MATH_ADMIN, 2025, null, null, 0, 10).items().get(0);
        assertEquals(new BigDecimal("5000.00"), completedForMath.disbursed());
        assertEquals(BrandGrade.EXCELLENT, completedForMath.grade());
        assertEquals(BrandGrade.EXCELLENT, brand.list(MEMBER, 2025, null, null, 0, 10).items().get(0).grade());
    }

    @Test
    public void filtersAndPagingCombineWithTheScope() {
        fourProjects();
        assertEquals(List.of(mathSubmitted), ids(brand.list(UNION_ADMIN, 2026, 20L, null, 0, 10)));
        assertEquals(List.of(), ids(brand.list(CS_ADMIN, 2026, 20L, null, 0, 10)));
        assertEquals(List.of(), ids(brand.list(MEMBER, null, null, BrandStatus.SUBMITTED, 0, 10)));
        assertEquals(List.of(csSubmitted, mathSubmitted),
                ids(brand.list(UNION_ADMIN, null, null, BrandStatus.SUBMITTED, 0, 10)));
        assertEquals(List.of(mathCompleted), ids(brand.list(MEMBER, null, null, BrandStatus.COMPLETED, 0, 10)));
        PageDTO<BrandProjectDTO> second = brand.list(UNION_ADMIN, null, null, null, 1, 2);
        assertEquals(List.of(mathSubmitted, chemApproved), ids(second));
        assertEquals(4, second.total());
        assertEquals(3, brand.list(CS_ADMIN, null, null, null, 0, 1).total());
    }

    @Test
    public void theReportListsTheYearsProjectsPerUnitWithMoney() {
        fourProjects();
        long withdrawn = brand.apply(UNION_ADMIN, edit(10, 2025, "撤回的", "1")).project().id();
        brand.withdraw(UNION_ADMIN, withdrawn);
        long chemRejected = brand.apply(CHEM_ADMIN, edit(30, 2025, "化工2025", "1")).project().id();
        brand.review(UNION_ADMIN, chemRejected, new ReviewDTO(BrandDecision.REJECT, null, "no"));

        BrandReportDTO all = brand.report(UNION_ADMIN, 2026);
        assertEquals(List.of("计算机学院", "数学学院", "化工学院"),
                all.rows().stream().map(BrandReportRowDTO::unitName).toList());
        assertEquals(List.of(BrandStatus.SUBMITTED, BrandStatus.SUBMITTED, BrandStatus.APPROVED),
                all.rows().stream().map(BrandReportRowDTO::status).toList());
        assertEquals(new BigDecimal("150000.00"), all.budgetAsked());
        assertEquals(new BigDecimal("30000.00"), all.fundingGranted());
        assertEquals(new BigDecimal("0.00"), all.disbursed());
        assertEquals("withdrawn projects are left out", List.of(mathCompleted, chemRejected),
                brand.report(UNION_ADMIN, 2025).rows().stream().map(BrandReportRowDTO::projectId).toList());

        BrandReportDTO last = brand.report(MATH_ADMIN, 2025);
        assertEquals(1, last.projects());
        BrandReportRowDTO row = last.rows().get(0);
        assertEquals(List.of(mathCompleted, 5000.00, "优秀"), List.of(row.projectId(), row.disbursed().doubleValue(),
                row.gradeLabel()));
        assertEquals(new BigDecimal("91.25"), row.totalScore());
        assertEquals(0, brand.report(CS_ADMIN, 2025).projects());
        assertEquals(0, brand.report(MEMBER, 2026).projects());

        List<List<String>> table = BrandService.reportRows(last);
        assertEquals(List.of(List.of("数学学院", "数学·已结项", "已结项", "8000.00", "8000.00", "5000.00", "91.25", "优秀"),
                List.of("合计", "1 个项目", "", "8000.00", "8000.00", "5000.00", "", "")), table);
        assertEquals(BrandService.REPORT_HEADER.size(), table.get(0).size());
    }
}
