package cn.edu.cumt.union.plugin.congress.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** A rating of the current answer. */
public record RatingEditDTO(@Nullable Rating rating, @Nullable String comment) {
}
