package cn.edu.cumt.union.plugin.honours.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** One award of a call as the union writes it; {@code places} is the ballot's limit for it. */
public record CategoryEditDTO(String code, String name, HonourKind kind, Integer places, @Nullable String eligibility,
        @Nullable String memberCategory, @Nullable Integer minMemberYears) {
}
