package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * An event; {@code signedUp} is the number of sign-ups, shown to organisers, and for a social to nobody else.
 *
 * @param organiser whether the caller organises it
 * @param mine      whether the caller signed up
 */
public record EventDTO(long id, EventKind kind, String kindLabel, String title, @Nullable String description,
        @Nullable String place, Instant startsAt, Instant endsAt, long organiserUnitId, String organiserUnitName,
        List<String> categories, @Nullable Integer capacity, @Nullable Integer signedUp, boolean organiser, boolean mine) {
}
