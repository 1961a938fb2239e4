package cn.edu.cumt.union.plugin.honours.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** One name on the public notice, the final list, or (with {@code votes}, for the union) the ballot's result. */
public record ListedDTO(long nominationId, String categoryCode, String categoryName, HonourKind kind,
        String nomineeName, String unitName, NominationStatus status, String statusLabel, @Nullable Long votes) {
}
