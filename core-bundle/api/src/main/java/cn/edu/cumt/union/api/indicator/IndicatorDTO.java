package cn.edu.cumt.union.api.indicator;

/**
 * One indicator a plugin publishes figures for.
 *
 * @param code           stable id, {@code <plugin-id>.<name>} in lower case, e.g. {@code study.sessions}; the
 *                       core refuses a code outside the publishing plugin's id, and designs and published
 *                       scorecards refer to it for good, so never reuse a code for another meaning
 * @param labelZh        the Chinese name users read, e.g. 组织学习次数
 * @param labelEn        the English name, e.g. Study sessions held
 * @param unitOfMeasure  what a value counts, e.g. 次, %, 分 (may be empty for a plain number)
 * @param higherIsBetter whether a larger value is the better one (sessions held) or the worse one
 *                       (complaints open)
 */
public record IndicatorDTO(String code, String labelZh, String labelEn, String unitOfMeasure, boolean higherIsBetter) {
}
