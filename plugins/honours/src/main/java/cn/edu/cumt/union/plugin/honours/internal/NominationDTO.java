package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** A nomination as its unit and the union see it. */
public record NominationDTO(long id, long callId, String callTitle, int year, long categoryId, String categoryName,
        HonourKind kind, long unitId, String unitName, @Nullable Long memberId, @Nullable Long nomineeUnitId,
        String nomineeName, String caseText, NominationStatus status, String statusLabel,
        @Nullable String reviewComment, @Nullable Long votes, String createdBy, Instant createdAt,
        @Nullable List<StepDTO> steps) {
}
