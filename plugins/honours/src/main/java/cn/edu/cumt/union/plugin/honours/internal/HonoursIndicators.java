package cn.edu.cumt.union.plugin.honours.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.indicator.IndicatorSource;

/** 选树劳模先进's figure for the yearly scorecard: {@code honours.awards}, honours awarded per nominating unit. */
@Component(service = IndicatorSource.class)
public class HonoursIndicators implements IndicatorSource {

    static final String AWARDS = "honours.awards";
    private static final List<IndicatorDTO> INDICATORS = List.of(
            new IndicatorDTO(AWARDS, "获评先进数", "Honours awarded", "项", true));

    private final HonoursService honours;

    @Activate
    public HonoursIndicators(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @Override
    public List<IndicatorDTO> indicators() {
        return INDICATORS;
    }

    @Override
    public Map<String, Map<Long, BigDecimal>> figures(int year) {
        return Map.of(AWARDS, honours.awardsByUnit(year));
    }
}
