package ${package};

import java.time.Instant;

/** What a unit administrator sends to create an activity. */
public record ActivityEditDTO(String title, String description, Instant startsAt, String place) {
}
