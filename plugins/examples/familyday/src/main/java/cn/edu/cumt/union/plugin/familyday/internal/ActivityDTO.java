package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Instant;

/** An activity as the REST API shows it. */
public record ActivityDTO(long id, String title, String description, Instant startsAt, String place, String createdBy) {
}
