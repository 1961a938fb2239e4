package cn.edu.cumt.union.plugin.congress.internal;

import java.time.LocalDate;

/** A session as created: title, year, first and last day. */
public record SessionEditDTO(String title, Integer year, LocalDate startsOn, LocalDate endsOn) {
}
