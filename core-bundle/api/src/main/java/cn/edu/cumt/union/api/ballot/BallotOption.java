package cn.edu.cumt.union.api.ballot;

/**
 * One choice on a ballot: a candidate, a proposal, a nominee.
 *
 * @param key      the owning plugin's name for it, unique on the ballot: 1 to 40 letters, digits, dashes or
 *                 underscores (e.g. a nomination's id), so that the plugin maps the tally back
 * @param label    what voters read, e.g. 张三（计算机学院）
 * @param category the group a per-category limit counts in (e.g. 个人 / 集体), or {@code null}
 */
public record BallotOption(String key, String label, String category) {
}
