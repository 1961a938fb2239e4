package cn.edu.cumt.union.plugin.honours.internal;

/** A real-name objection to one listed name. */
public record ObjectionEditDTO(Long nominationId, String reason) {
}
