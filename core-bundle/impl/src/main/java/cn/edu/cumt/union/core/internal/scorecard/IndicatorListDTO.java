package cn.edu.cumt.union.core.internal.scorecard;

import java.util.List;

import cn.edu.cumt.union.api.indicator.IndicatorDTO;

/** The indicators the installed plugins publish now, and the sources that could not say. */
public record IndicatorListDTO(List<IndicatorDTO> indicators, List<MissingDTO> missing) {
}
