package cn.edu.cumt.union.core.internal.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;

/** One chosen indicator of a year's design, with its labels copied so a published year keeps them after its plugin goes. */
@Entity
@Table(name = "UNION_SCORECARD_ITEM")
public class ScorecardItemEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "YEAR_NO", nullable = false)
    private int year;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "CODE", nullable = false)
    private String code;

    @Column(name = "LABEL_ZH", nullable = false)
    private String labelZh;

    @Column(name = "LABEL_EN", nullable = false)
    private String labelEn;

    @Column(name = "UNIT_OF_MEASURE", nullable = false)
    private String unitOfMeasure;

    @Column(name = "HIGHER_IS_BETTER", nullable = false)
    private boolean higherIsBetter;

    @Column(name = "WEIGHT", nullable = false, precision = 9, scale = 2)
    private BigDecimal weight;

    @Column(name = "TARGET", nullable = false, precision = 20, scale = 4)
    private BigDecimal target;

    protected ScorecardItemEntity() {
    }

    ScorecardItemEntity(int year, int position, IndicatorDTO indicator, BigDecimal weight, BigDecimal target) {
        this.year = year;
        this.position = position;
        this.code = indicator.code();
        this.labelZh = indicator.labelZh();
        this.labelEn = indicator.labelEn();
        this.unitOfMeasure = indicator.unitOfMeasure() == null ? "" : indicator.unitOfMeasure();
        this.higherIsBetter = indicator.higherIsBetter();
        this.weight = weight;
        this.target = target;
    }

    ScorecardItemDTO toDTO() {
        return new ScorecardItemDTO(code, labelZh, labelEn, unitOfMeasure, higherIsBetter,
                weight.setScale(2, RoundingMode.HALF_UP), ScoreRules.figure(target));
    }
}
