package cn.edu.cumt.union.plugin.honours.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** One award of a call. */
public record CategoryDTO(long id, String code, String name, HonourKind kind, String kindLabel, int places,
        @Nullable String eligibility, @Nullable String memberCategory, @Nullable Integer minMemberYears) {
}
