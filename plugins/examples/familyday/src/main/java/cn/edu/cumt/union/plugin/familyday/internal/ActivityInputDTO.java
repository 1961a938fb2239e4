package cn.edu.cumt.union.plugin.familyday.internal;

import java.time.Instant;

/** What a unit administrator sends to create an activity. */
public record ActivityInputDTO(String title, String description, Instant startsAt, String place) {
}
