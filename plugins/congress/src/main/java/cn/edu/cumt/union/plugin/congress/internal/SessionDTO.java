package cn.edu.cumt.union.plugin.congress.internal;

import java.time.LocalDate;

/** A congress session with its number of delegates. */
public record SessionDTO(long id, String title, int year, LocalDate startsOn, LocalDate endsOn, long delegates) {
}
