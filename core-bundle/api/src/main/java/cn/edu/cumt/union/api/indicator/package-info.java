/**
 * Indicators: the per-unit figures each plugin publishes for a year (sessions held, attendance rate,
 * a project's grade …), from which the core composes the union's yearly assessment of its unit
 * unions (二级单位工会工作考核). A plugin registers an {@link cn.edu.cumt.union.api.indicator.IndicatorSource}
 * as an OSGi service; the core picks it up while the plugin runs and drops it when the plugin goes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package cn.edu.cumt.union.api.indicator;
