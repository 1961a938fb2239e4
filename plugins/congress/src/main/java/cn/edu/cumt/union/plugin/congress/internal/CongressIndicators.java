package cn.edu.cumt.union.plugin.congress.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.indicator.IndicatorSource;

/**
 * 教代会's figures for the yearly scorecard: {@code congress.evaluation}, the unit's total in the year's
 * 二级教代会考评; {@code congress.proposals-handled}, proposals of the year's sessions the unit led and answered.
 */
@Component(service = IndicatorSource.class)
public class CongressIndicators implements IndicatorSource {

    static final String EVALUATION = "congress.evaluation";
    static final String HANDLED = "congress.proposals-handled";
    private static final List<IndicatorDTO> INDICATORS = List.of(
            new IndicatorDTO(EVALUATION, "二级教代会考评得分", "Unit congress evaluation score", "分", true),
            new IndicatorDTO(HANDLED, "承办提案答复数", "Proposals answered as lead department", "件", true));

    private final CongressService congress;
    private final CongressEvaluationService evaluations;

    @Activate
    public CongressIndicators(@Reference CongressService congress, @Reference CongressEvaluationService evaluations) {
        this.congress = congress;
        this.evaluations = evaluations;
    }

    @Override
    public List<IndicatorDTO> indicators() {
        return INDICATORS;
    }

    @Override
    public Map<String, Map<Long, BigDecimal>> figures(int year) {
        return Map.of(EVALUATION, evaluations.totals(year), HANDLED, congress.handledPerUnit(year));
    }
}
