package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.PageDTO;

/** Only the applicant, their unit's admins and union admins ever see an application; figures hide small cells; exports mask. */
public class HardshipPrivacyTest extends HardshipTestBase {

    @Test
    public void anotherMemberSeesItNeitherByIdNorInAListNorItsDocuments() {
        long id = apply(MEMBER, null, Fund.LOVE_FUND, "1000");
        attachments.add(HardshipService.ATTACHMENT_TYPE, String.valueOf(id), "诊断证明.pdf", "application/pdf", 1000);
        assertEquals(1, hardship.get(MEMBER, id).attachments().size());
        expect(404, "welfare.case.not-found", () -> hardship.get(OTHER_MEMBER, id));
        expect(404, "welfare.case.not-found", () -> hardship.get(MATH_MEMBER, id));
        PageDTO<HardshipCaseDTO> others = hardship.list(OTHER_MEMBER, null, null, null, 0, 50);
        assertEquals(0, others.total());
        assertTrue(others.items().isEmpty());
        assertEquals(1, hardship.list(MEMBER, null, null, null, 0, 50).total());
        HardshipFiles files = new HardshipFiles(hardship);
        assertTrue(files.maySee(MEMBER, "case", String.valueOf(id)));
        assertTrue(files.mayChange(MEMBER, "case", String.valueOf(id)));
        assertFalse(files.maySee(OTHER_MEMBER, "case", String.valueOf(id)));
        assertFalse(files.maySee(MATH_ADMIN, "case", String.valueOf(id)));
        assertFalse(files.maySee(MEMBER, "other", String.valueOf(id)));
        assertFalse(files.maySee(MEMBER, "case", "../" + id));
        assertTrue(hardship.tasksFor(OTHER_MEMBER).isEmpty());
    }

    @Test
    public void aUnitAdminSeesTheirUnitsOnlyAndTheUnionEverything() {
        long cs = apply(MEMBER, null, Fund.LOVE_FUND, "1000");
        long math = apply(MATH_MEMBER, null, Fund.LOVE_FUND, "1000");
        expect(404, "welfare.case.not-found", () -> hardship.get(MATH_ADMIN, cs));
        expect(404, "welfare.case.not-found", () -> hardship.get(CS_ADMIN, math));
        expect(404, "welfare.case.not-found", () -> hardship.withdraw(MATH_ADMIN, cs));
        assertEquals(List.of(math), ids(hardship.list(MATH_ADMIN, null, null, null, 0, 50)));
        assertEquals(List.of(cs), ids(hardship.list(CS_ADMIN, null, null, null, 0, 50)));
        assertEquals(List.of(math, cs), ids(hardship.list(UNION_ADMIN, null, null, null, 0, 50)));
        assertEquals(1, hardship.tasksFor(MATH_ADMIN).size());
        // a unit admin cannot file for a member of another unit: the member is "not found"
        expect(404, "welfare.member.not-found", () -> hardship.apply(MATH_ADMIN,
                new HardshipApplyDTO(Fund.LOVE_FUND, 203L, "r", yuan("1"), null, null)));
        expect(404, "welfare.member.not-found", () -> hardship.apply(OTHER_MEMBER,
                new HardshipApplyDTO(Fund.LOVE_FUND, 203L, "r", yuan("1"), null, null)));
    }

    @Test
    public void countsBelowFiveNeverAppearNorATotalThatGivesThemAway() {
        for (int i = 0; i < 4; i++) {
            granted(MEMBER, Fund.TEMP_SUBSIDY, "100", "100");
        }
        for (int i = 0; i < 5; i++) {
            granted(MATH_MEMBER, Fund.TEMP_SUBSIDY, "100", "100");
        }
        FundReportDTO union = hardship.report(UNION_ADMIN, 2026);
        FundUnitRowDTO cs = row(union, 10L, Fund.TEMP_SUBSIDY);
        assertTrue(cs.suppressed());
        assertNull(cs.cases());
        assertNull(cs.granted());
        assertEquals("<5", cs.casesShown());
        FundUnitRowDTO math = row(union, 20L, Fund.TEMP_SUBSIDY);
        assertEquals(Integer.valueOf(5), math.cases());
        assertEquals(yuan("500.00"), math.granted());
        // no case at all looks exactly like 1-4 cases
        FundUnitRowDTO chem = row(union, 30L, Fund.TEMP_SUBSIDY);
        assertEquals("<5", chem.casesShown());
        FundUnitRowDTO total = union.totals().stream().filter(t -> t.fund() == Fund.TEMP_SUBSIDY).findFirst().get();
        assertNull("9 - 5 would give the hidden 4 back", total.cases());
        assertNull(total.granted());
        assertEquals("≥5", total.casesShown());
        assertEquals("<5", union.totals().stream().filter(t -> t.fund() == Fund.LOVE_FUND).findFirst().get().casesShown());
        List<List<String>> table = HardshipService.reportRows(union);
        assertTrue(table.toString(), table.stream().noneMatch(r -> r.contains("4") || r.contains("400.00")));
        // a unit admin sees their own rows only, and no university-wide balances
        FundReportDTO mine = hardship.report(MATH_ADMIN, 2026);
        assertTrue(mine.funds().isEmpty());
        assertTrue(mine.rows().stream().allMatch(r -> r.unitId() == 20L));
        expect(403, "welfare.unit-admin-only", () -> hardship.report(MEMBER, 2026));
        assertEquals(2, union.funds().size());
    }

    @Test
    public void exportsMaskIdAndPhoneNumbers() {
        long id = apply(MEMBER, null, Fund.LOVE_FUND, "1000");
        apply(MATH_MEMBER, null, Fund.LOVE_FUND, "1000");
        List<List<String>> rows = hardship.exportRows(CS_ADMIN, 2026);
        assertEquals(1, rows.size());
        List<String> row = rows.get(0);
        assertEquals(String.valueOf(id), row.get(0));
        assertEquals("320***********123X", row.get(6));
        assertEquals("138****1234", row.get(7));
        assertTrue(rows.toString(), rows.stream().flatMap(List::stream).noneMatch(c -> c.contains("32010219800101123X")
                || c.contains("13800001234")));
        assertEquals(2, hardship.exportRows(UNION_ADMIN, 2026).size());
        expect(403, "welfare.unit-admin-only", () -> hardship.exportRows(MEMBER, 2026));
        assertEquals("138****0001", cn.edu.cumt.union.api.table.Masks.phone("138-0000-0001"));
        assertEquals("", WelfareInputs.maskIdNumber(null));
        assertEquals("******", cn.edu.cumt.union.api.table.Masks.phone("123456"));
    }

    private static FundUnitRowDTO row(FundReportDTO report, long unitId, Fund fund) {
        return report.rows().stream().filter(r -> r.unitId() == unitId && r.fund() == fund).findFirst().get();
    }

    private static List<Long> ids(PageDTO<HardshipCaseDTO> page) {
        return page.items().stream().map(HardshipCaseDTO::id).toList();
    }
}
