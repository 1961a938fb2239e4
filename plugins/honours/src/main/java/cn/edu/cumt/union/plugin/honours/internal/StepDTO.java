package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;

import cn.edu.cumt.union.api.rest.Nullable;

/** One row of a nomination's history. */
public record StepDTO(String action, @Nullable NominationStatus from, NominationStatus to, @Nullable String comment,
        String actor, Instant at) {
}
