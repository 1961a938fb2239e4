package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A published unit's figure and points for one indicator. */
@Embeddable
public class ScorecardCell {

    @Column(name = "CODE", nullable = false)
    private String code;

    @Column(name = "FIGURE", precision = 24, scale = 4)
    private BigDecimal figure;

    @Column(name = "POINTS", nullable = false, precision = 11, scale = 2)
    private BigDecimal points;

    protected ScorecardCell() {
    }

    ScorecardCell(ScorecardCellDTO cell) {
        this.code = cell.code();
        this.figure = cell.value();
        this.points = cell.points();
    }

    ScorecardCellDTO toDTO() {
        return new ScorecardCellDTO(code, figure == null ? null : ScoreRules.figure(figure), points);
    }
}
