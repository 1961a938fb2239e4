package cn.edu.cumt.union.plugin.congress.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** 二级教代会考评: the sheet, scores within the maximum, totals by weight, ranking with ties, scope. */
public class CongressEvaluationTest extends CongressTestBase {

    private SheetDTO sheet() {
        return evaluations.putSheet(UNION_ADMIN, 2026, new SheetEditDTO("2026年度二级教代会考评表", List.of(
                new CriterionEditDTO("组织建设", new BigDecimal("40"), new BigDecimal("10")),
                new CriterionEditDTO("民主管理", new BigDecimal("60"), new BigDecimal("20")))));
    }

    private EvaluationRowDTO score(long unit, SheetDTO sheet, String first, String second) {
        return evaluations.score(UNION_ADMIN, 2026, unit, new ScoresEditDTO(List.of(
                new ScoreEditDTO(sheet.criteria().get(0).id(), new BigDecimal(first)),
                new ScoreEditDTO(sheet.criteria().get(1).id(), new BigDecimal(second)))));
    }

    @Test
    public void totalsAreWeightedShareOfTheMaximum() {
        SheetDTO sheet = sheet();
        // 8/10*40 + 15/20*60 = 32 + 45 = 77
        assertEquals("77.00", score(10, sheet, "8", "15").total().toPlainString());
        // 7.5/10*40 + 20/20*60 = 30 + 60 = 90
        assertEquals("90.00", score(20, sheet, "7.5", "20").total().toPlainString());
        EvaluationDTO e = evaluations.evaluation(UNION_ADMIN, 2026);
        assertEquals(20L, e.rows().get(0).unitId());
        assertEquals(Integer.valueOf(1), e.rows().get(0).rank());
        assertEquals(Integer.valueOf(2), e.rows().get(1).rank());
        assertNull("unscored units are not ranked", e.rows().get(2).rank());
        assertEquals(Map.of(10L, new BigDecimal("77.00"), 20L, new BigDecimal("90.00")), evaluations.totals(2026));
        assertTrue(evaluations.totals(2025).isEmpty());
        List<List<String>> rows = CongressEvaluationService.rows(e);
        assertEquals(List.of("1", "数学学院", "7.50", "20.00", "90.00"), rows.get(0));
        assertEquals("总分", CongressEvaluationService.header(e).get(4));
    }

    @Test
    public void equalTotalsShareARank() {
        SheetDTO sheet = sheet();
        score(10, sheet, "10", "10");
        score(20, sheet, "10", "10");
        score(30, sheet, "5", "20");
        EvaluationDTO e = evaluations.evaluation(UNION_ADMIN, 2026);
        assertEquals(Integer.valueOf(1), e.rows().get(0).rank());
        assertEquals(Integer.valueOf(2), e.rows().get(1).rank());
        assertEquals(Integer.valueOf(2), e.rows().get(2).rank());
    }

    @Test
    public void scoresStayWithinTheMaximumAndTheSheet() {
        SheetDTO sheet = sheet();
        expect(400, "request.field-invalid", () -> score(10, sheet, "10.01", "1"));
        expect(400, "request.field-invalid", () -> score(10, sheet, "-1", "1"));
        expect(400, "request.field-invalid", () -> evaluations.score(UNION_ADMIN, 2026, 10,
                new ScoresEditDTO(List.of(new ScoreEditDTO(999L, BigDecimal.ONE)))));
        expect(404, "congress.unit.not-found", () -> score(1, sheet, "1", "1"));
        expect(404, "congress.sheet.not-found", () -> evaluations.score(UNION_ADMIN, 2025, 10,
                new ScoresEditDTO(List.of(new ScoreEditDTO(1L, BigDecimal.ONE)))));
        expect(403, "congress.union-admin-only", () -> evaluations.score(LEAD_ADMIN, 2026, 30,
                new ScoresEditDTO(List.of(new ScoreEditDTO(sheet.criteria().get(0).id(), BigDecimal.ONE)))));
        score(10, sheet, "1", "1");
        expect(409, "congress.sheet.scored", () -> sheet());
    }

    @Test
    public void theSheetIsTheUnionsAndItsValuesAreChecked() {
        expect(403, "congress.union-admin-only", () -> evaluations.putSheet(LEAD_ADMIN, 2026,
                new SheetEditDTO("t", List.of(new CriterionEditDTO("a", BigDecimal.ONE, BigDecimal.ONE)))));
        expect(400, "request.field-missing", () -> evaluations.putSheet(UNION_ADMIN, 2026, new SheetEditDTO("t", List.of())));
        expect(400, "request.field-invalid", () -> evaluations.putSheet(UNION_ADMIN, 2026,
                new SheetEditDTO("t", List.of(new CriterionEditDTO("a", BigDecimal.ZERO, BigDecimal.ONE)))));
        expect(400, "request.field-invalid", () -> evaluations.putSheet(UNION_ADMIN, 2026, new SheetEditDTO("t", List.of(
                new CriterionEditDTO("a", BigDecimal.ONE, BigDecimal.ONE), new CriterionEditDTO("a", BigDecimal.ONE, BigDecimal.ONE)))));
        sheet();
        assertEquals(2, sheet().criteria().size()); // replaced while nobody is scored
    }

    @Test
    public void unitAdminsSeeTheirOwnUnitsRowAndEvidence() {
        SheetDTO sheet = sheet();
        score(30, sheet, "9", "18");
        score(20, sheet, "10", "20");
        EvaluationDTO mine = evaluations.evaluation(LEAD_ADMIN, 2026);
        assertEquals(1, mine.rows().size());
        assertEquals(30L, mine.rows().get(0).unitId());
        assertEquals("rank among all units", Integer.valueOf(2), mine.rows().get(0).rank());
        assertTrue(evaluations.mayUseEvidence(LEAD_ADMIN, 2026, 30));
        assertFalse(evaluations.mayUseEvidence(LEAD_ADMIN, 2026, 20));
        assertFalse(evaluations.mayUseEvidence(LEAD_ADMIN, 2025, 30));
        assertFalse(evaluations.mayUseEvidence(PLAIN, 2026, 10));
    }
}
