package cn.edu.cumt.union.core.internal.scorecard;

/**
 * An indicator (or a source) whose figures could not be read.
 *
 * @param code   the indicator code, or the plugin id when a whole source failed to list its indicators
 * @param reason why, "中文 / English"
 */
public record MissingDTO(String code, String reason) {
}
