package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/** What a unit administrator sends to create an activity. */
public record ActivityEditDTO(String title, @Nullable String description, Instant startsAt, @Nullable String place) {
}
