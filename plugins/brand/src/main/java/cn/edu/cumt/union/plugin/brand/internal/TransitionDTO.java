package cn.edu.cumt.union.plugin.brand.internal;

import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/** One change of a project's status; {@code from} is {@code null} for the application itself. */
public record TransitionDTO(BrandAction action, String actionLabel, @Nullable BrandStatus from, BrandStatus to,
        @Nullable String comment, String actor, Instant at) {
}
