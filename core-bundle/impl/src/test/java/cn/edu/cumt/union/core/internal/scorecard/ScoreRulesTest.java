package cn.edu.cumt.union.core.internal.scorecard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class ScoreRulesTest {

    private static ScoreRules.Item higher(String code, String weight, String target) {
        return new ScoreRules.Item(code, new BigDecimal(weight), new BigDecimal(target), true);
    }

    private static ScoreRules.Item lower(String code, String weight, String target) {
        return new ScoreRules.Item(code, new BigDecimal(weight), new BigDecimal(target), false);
    }

    private static String points(ScoreRules.Item item, String value) {
        return ScoreRules.points(item, value == null ? null : new BigDecimal(value)).toPlainString();
    }

    @Test
    public void higherIsBetterEarnsItsShareOfTheTargetAndNoMore() {
        ScoreRules.Item sessions = higher("t.sessions", "40", "10");
        assertEquals("20.00", points(sessions, "5"));
        assertEquals("40.00", points(sessions, "10"));
        assertEquals("over the target gives no more than the weight", "40.00", points(sessions, "25"));
        assertEquals("0.00", points(sessions, "0"));
        assertEquals("a negative figure gives nothing, not negative points", "0.00", points(sessions, "-3"));
        assertEquals("1/3 of 10, half up", "3.33", points(higher("t.x", "10", "3"), "1"));
        assertEquals("6.67", points(higher("t.x", "10", "3"), "2"));
    }

    @Test
    public void lowerIsBetterEarnsTheInverseShare() {
        ScoreRules.Item complaints = lower("t.complaints", "20", "2");
        assertEquals("at the target", "20.00", points(complaints, "2"));
        assertEquals("below the target", "20.00", points(complaints, "1"));
        assertEquals("none at all", "20.00", points(complaints, "0"));
        assertEquals("twice the target: half", "10.00", points(complaints, "4"));
        assertEquals("five times: a fifth", "4.00", points(complaints, "10"));
    }

    @Test
    public void aMissingFigureGivesZeroAndStaysEmpty() {
        ScoreRules.Item sessions = higher("t.sessions", "40", "10");
        assertEquals("0.00", points(sessions, null));
        List<ScorecardRowDTO> rows = ScoreRules.score(List.of(sessions),
                List.of(new ScoreRules.Unit(1, "A", "甲")), Map.of());
        assertNull(rows.get(0).cells().get(0).value());
        assertEquals("0.00", rows.get(0).score().toPlainString());
        assertEquals(1, rows.get(0).rank());
    }

    @Test
    public void zeroOrNegativeTargetsAndWeightsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> higher("t.a", "10", "0"));
        assertThrows(IllegalArgumentException.class, () -> higher("t.a", "0", "10"));
        assertThrows(IllegalArgumentException.class, () -> lower("t.a", "10", "-1"));
        assertThrows(IllegalArgumentException.class, () -> lower("t.a", "-5", "1"));
    }

    @Test
    public void theScoreIsTheSumOfTheShownPointsWeightedPerIndicator() {
        List<ScoreRules.Item> items = List.of(higher("t.a", "10", "3"), higher("t.b", "10", "3"),
                higher("t.c", "10", "3"), lower("t.d", "70", "1"));
        Map<String, Map<Long, BigDecimal>> figures = Map.of("t.a", Map.of(1L, BigDecimal.ONE), "t.b",
                Map.of(1L, BigDecimal.ONE), "t.c", Map.of(1L, BigDecimal.ONE), "t.d", Map.of(1L, new BigDecimal("2")));
        ScorecardRowDTO row = ScoreRules.score(items, List.of(new ScoreRules.Unit(1, "A", "甲")), figures).get(0);
        assertEquals("3.33 x 3 + 35.00", "44.99", row.score().toPlainString());
        assertEquals(List.of("3.33", "3.33", "3.33", "35.00"),
                row.cells().stream().map(c -> c.points().toPlainString()).toList());
    }

    @Test
    public void equalScoresShareARankAndTheNextRankSkips() {
        ScoreRules.Item sessions = higher("t.sessions", "100", "10");
        List<ScoreRules.Unit> units = List.of(new ScoreRules.Unit(1, "D", "丁"), new ScoreRules.Unit(2, "B", "乙"),
                new ScoreRules.Unit(3, "C", "丙"), new ScoreRules.Unit(4, "A", "甲"), new ScoreRules.Unit(5, "E", "戊"));
        Map<String, Map<Long, BigDecimal>> figures = Map.of("t.sessions",
                Map.of(1L, new BigDecimal("5"), 2L, new BigDecimal("8"), 3L, new BigDecimal("8"), 4L, new BigDecimal("12")));
        List<ScorecardRowDTO> rows = ScoreRules.score(List.of(sessions), units, figures);
        assertEquals(List.of("A", "B", "C", "D", "E"), rows.stream().map(ScorecardRowDTO::unitCode).toList());
        assertEquals(List.of(1, 2, 2, 4, 5), rows.stream().map(ScorecardRowDTO::rank).toList());
        assertEquals(List.of("100.00", "80.00", "80.00", "50.00", "0.00"),
                rows.stream().map(r -> r.score().toPlainString()).toList());
    }

    @Test
    public void scoresEqualOnlyAfterRoundingStillTie() {
        ScoreRules.Item a = higher("t.a", "10", "3");
        List<ScoreRules.Unit> units = List.of(new ScoreRules.Unit(1, "A", "甲"), new ScoreRules.Unit(2, "B", "乙"));
        Map<String, Map<Long, BigDecimal>> figures = Map.of("t.a",
                Map.of(1L, new BigDecimal("1.0000"), 2L, new BigDecimal("1.00001")));
        List<ScorecardRowDTO> rows = ScoreRules.score(List.of(a), units, figures);
        assertEquals("figures are kept to 4 decimals", "1", rows.get(1).cells().get(0).value().toPlainString());
        assertEquals(List.of(1, 1), rows.stream().map(ScorecardRowDTO::rank).toList());
    }
}
