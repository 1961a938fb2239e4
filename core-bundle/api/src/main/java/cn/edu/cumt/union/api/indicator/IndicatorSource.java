package cn.edu.cumt.union.api.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Per-unit figures a plugin publishes for the yearly scorecard. Register an implementation as an
 * OSGi service (a DS component with {@code service = IndicatorSource.class}); the core tracks every
 * registered source and reads it when an administrator looks at or publishes a year's scorecard.
 * Installing the plugin adds its indicators to those the union administrator can choose; removing
 * it takes them away from unpublished years only (a published year keeps its stored figures).
 *
 * <p>Implemented by plugins; called by the core from several threads at once, so implementations
 * must be thread-safe. The core gives each call a time limit and treats an exception or a late
 * answer as "figures missing" for that source only: the rest of the scorecard is still answered.
 */
@ConsumerType
public interface IndicatorSource {

    /**
     * @return the indicators this source publishes figures for, in the order to show them; not
     *         {@code null}; each code starting with the plugin's id and a dot
     */
    List<IndicatorDTO> indicators();

    /**
     * The figures of one calendar year.
     *
     * @param year the calendar year (Asia/Shanghai), e.g. 2026
     * @return per indicator code (one of {@link #indicators()}), per unit id (a unit union, kind
     *         {@code UNIT}, of the directory) the unit's value; a unit with no figure is left out,
     *         never given {@code null}; values of other codes or units are ignored
     */
    Map<String, Map<Long, BigDecimal>> figures(int year);
}
