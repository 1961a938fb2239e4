package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/** An activity as the REST API shows it. */
public record ActivityDTO(long id, String title, @Nullable String description, Instant startsAt, @Nullable String place, String createdBy) {
}
