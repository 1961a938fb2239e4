package cn.edu.cumt.union.plugin.brand.internal;

import java.time.Instant;

/** One change of a project's status; {@code from} is {@code null} for the application itself. */
public record TransitionDTO(BrandAction action, String actionLabel, BrandStatus from, BrandStatus to,
        String comment, String actor, Instant at) {
}
