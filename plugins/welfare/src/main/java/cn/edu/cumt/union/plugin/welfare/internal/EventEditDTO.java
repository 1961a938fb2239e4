package cn.edu.cumt.union.plugin.welfare.internal;

import java.time.Instant;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A new event.
 *
 * @param organiserUnitId its members (and those of the units below) are invited; the unit's administrators organise it
 * @param categories      when not empty, only members holding one of them, e.g. {@code female}, {@code single}
 * @param capacity        the most sign-ups, or absent for no limit
 */
public record EventEditDTO(EventKind kind, String title, @Nullable String description, @Nullable String place,
        Instant startsAt, Instant endsAt, Long organiserUnitId, @Nullable List<String> categories,
        @Nullable Integer capacity) {
}
