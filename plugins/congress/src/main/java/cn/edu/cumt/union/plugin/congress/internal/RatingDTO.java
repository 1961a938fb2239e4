package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;

import cn.edu.cumt.union.api.rest.Nullable;

/** A rating of an answer. */
public record RatingDTO(String raterName, int round, Rating rating, String ratingLabel, @Nullable String comment, Instant ratedAt) {
}
