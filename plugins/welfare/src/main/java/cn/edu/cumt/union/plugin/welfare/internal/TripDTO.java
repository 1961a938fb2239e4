package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** A trip as everyone may read it; {@code seed} is the recorded seed of its draw, once allocated. */
public record TripDTO(long id, String title, String destination, LocalDate startsOn, LocalDate endsOn,
        LocalDate signupUntil, List<QuotaDTO> quotas, List<String> eligibleCategories, int minYears,
        List<String> priorityCategories, String status, @Nullable Long seed, @Nullable Instant allocatedAt,
        @Nullable TripResult mySignup, @Nullable String myReason) {
}
