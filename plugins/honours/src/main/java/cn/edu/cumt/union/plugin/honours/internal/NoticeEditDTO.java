package cn.edu.cumt.union.plugin.honours.internal;

import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * Starts the public notice; {@code nominationIds} chooses the names when the votes tie at a limit
 * ({@code confirm} is what the web app's form sends; it changes nothing).
 */
public record NoticeEditDTO(@Nullable List<Long> nominationIds, @Nullable Boolean confirm) {
}
