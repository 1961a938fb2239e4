package cn.edu.cumt.union.plugin.welfare.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** One sign-up on a trip's list, with its result and the reason recorded for it. */
public record TripListRowDTO(long unitId, String unitName, long memberId, String staffNo, String name,
        @Nullable String priorityCategory, TripResult result, String resultLabel, @Nullable Integer position,
        @Nullable String reason) {
}
