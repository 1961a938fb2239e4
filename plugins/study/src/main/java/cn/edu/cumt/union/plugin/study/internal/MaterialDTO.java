package cn.edu.cumt.union.plugin.study.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A study material (学习材料): a link, a short text, or both.
 *
 * @param title what to read, required
 * @param url   an {@code http(s)} link, may be {@code null}
 * @param text  the text itself, may be {@code null}
 */
public record MaterialDTO(String title, @Nullable String url, @Nullable String text) {
}
