package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.LocalDate;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A new trip.
 *
 * @param eligibleCategories members holding at least one may sign up; empty: every active member of a unit with places
 * @param minYears           years since joining (入会) by the trip's first day; 0 for none
 * @param priorityCategories when a unit's sign-ups pass its places: members of the first category go first, then the second …, then a draw
 */
public record TripEditDTO(String title, String destination, LocalDate startsOn, LocalDate endsOn, LocalDate signupUntil,
        List<QuotaDTO> quotas, @Nullable List<String> eligibleCategories, @Nullable Integer minYears,
        @Nullable List<String> priorityCategories) {
}
