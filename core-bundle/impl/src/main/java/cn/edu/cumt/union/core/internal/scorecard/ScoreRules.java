package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How a unit's figures become its score and rank (二级单位工会工作考核计分规则).
 *
 * <ul>
 * <li>Each chosen indicator gives at most its weight. Higher is better: {@code min(value / target, 1) × weight}
 * (a value of 0 or below gives 0). Lower is better: {@code min(target / value, 1) × weight} (a value at or
 * below the target, 0 included, gives the full weight).</li>
 * <li>A unit with no figure for an indicator gets 0 points for it.</li>
 * <li>Points are rounded to 2 decimals (half up) and the score is their sum, so the shown points add up to
 * the shown score; the most a unit can score is the sum of the weights.</li>
 * <li>Rank 1 is the highest score; equal scores share a rank and the next rank skips (1, 2, 2, 4). Rows
 * come in rank order, equal scores by unit code.</li>
 * </ul>
 * Targets and weights must be positive (checked when the design is saved); figures are kept to 4 decimals.
 */
final class ScoreRules {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** A chosen indicator as the rules need it. */
    record Item(String code, BigDecimal weight, BigDecimal target, boolean higherIsBetter) {
        Item {
            if (weight.signum() <= 0 || target.signum() <= 0) {
                throw new IllegalArgumentException("weight and target must be positive: " + code);
            }
        }
    }

    /** A unit union to rank. */
    record Unit(long id, String code, String name) {
    }

    private ScoreRules() {
    }

    /** @return the points one figure gives, 2 decimals; 0 for a missing figure */
    static BigDecimal points(Item item, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal ratio;
        if (item.higherIsBetter()) {
            ratio = value.signum() <= 0 ? BigDecimal.ZERO : value.divide(item.target(), PRECISION);
        } else {
            ratio = value.compareTo(item.target()) <= 0 ? BigDecimal.ONE : item.target().divide(value, PRECISION);
        }
        return ratio.min(BigDecimal.ONE).multiply(item.weight(), PRECISION).setScale(2, RoundingMode.HALF_UP);
    }

    /** A figure as the scorecard keeps it: 4 decimals at most, no trailing zeros beyond the integer. */
    static BigDecimal figure(BigDecimal value) {
        BigDecimal kept = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return kept.scale() < 0 ? kept.setScale(0) : kept;
    }

    /**
     * @param figures per indicator code, per unit id, the value (absent when the unit has none)
     * @return one row per unit, in rank order
     */
    static List<ScorecardRowDTO> score(List<Item> items, List<Unit> units, Map<String, Map<Long, BigDecimal>> figures) {
        record Scored(Unit unit, BigDecimal score, List<ScorecardCellDTO> cells) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Unit unit : units) {
            BigDecimal score = BigDecimal.ZERO.setScale(2);
            List<ScorecardCellDTO> cells = new ArrayList<>();
            for (Item item : items) {
                BigDecimal value = figures.getOrDefault(item.code(), Map.of()).get(unit.id());
                BigDecimal kept = value == null ? null : figure(value);
                BigDecimal points = points(item, kept);
                score = score.add(points);
                cells.add(new ScorecardCellDTO(item.code(), kept, points));
            }
            scored.add(new Scored(unit, score, List.copyOf(cells)));
        }
        scored.sort(Comparator.comparing(Scored::score).reversed()
                .thenComparing(s -> s.unit().code()).thenComparingLong(s -> s.unit().id()));
        List<ScorecardRowDTO> rows = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int rank = i > 0 && s.score().compareTo(scored.get(i - 1).score()) == 0 ? rows.get(i - 1).rank() : i + 1;
            rows.add(new ScorecardRowDTO(s.unit().id(), s.unit().code(), s.unit().name(), s.score(), rank, s.cells()));
        }
        return rows;
    }
}
