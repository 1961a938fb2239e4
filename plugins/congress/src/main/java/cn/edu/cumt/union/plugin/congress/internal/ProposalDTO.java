package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;
import java.time.LocalDate;

import cn.edu.cumt.union.api.rest.Nullable;

/** A proposal in a list. */
public record ProposalDTO(long id, long sessionId, String title, String proposerName, long unitId, String unitName, ProposalStatus status, String statusLabel, int seconded, @Nullable Long leadUnitId, @Nullable String leadUnitName, @Nullable LocalDate dueOn, boolean overdue, @Nullable Instant submittedAt) {
}
