package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;
import cn.edu.cumt.union.api.indicator.IndicatorSource;

/**
 * 维护职工权益's figure for the yearly scorecard: {@code welfare.visits}, the care visits a unit union did
 * in the year. Hardship help publishes no figure: a per-unit count of it would be a small cell.
 */
@Component(service = IndicatorSource.class)
public class WelfareIndicators implements IndicatorSource {

    static final String VISITS = "welfare.visits";
    private static final List<IndicatorDTO> INDICATORS = List.of(
            new IndicatorDTO(VISITS, "走访慰问职工人次", "Care visits done", "人次", true));

    private final VisitService visits;

    @Activate
    public WelfareIndicators(@Reference VisitService visits) {
        this.visits = visits;
    }

    @Override
    public List<IndicatorDTO> indicators() {
        return INDICATORS;
    }

    @Override
    public Map<String, Map<Long, BigDecimal>> figures(int year) {
        return Map.of(VISITS, visits.doneByUnit(year));
    }
}
