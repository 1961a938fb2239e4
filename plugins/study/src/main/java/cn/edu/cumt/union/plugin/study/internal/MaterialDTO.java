package cn.edu.cumt.union.plugin.study.internal;

/**
 * A study material (学习材料): a link, a short text, or both.
 *
 * @param title what to read, required
 * @param url   an {@code http(s)} link, may be {@code null}
 * @param text  the text itself, may be {@code null}
 */
public record MaterialDTO(String title, String url, String text) {
}
