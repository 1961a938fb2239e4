package cn.edu.cumt.union.plugin.study.internal;

import java.time.Instant;
import java.util.List;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A study session (学习会) as clients see it. The check-in code is not part of it: organisers fetch
 * it separately ({@code GET /api/study/sessions/{id}/code}).
 */
public record StudySessionDTO(long id, String title, @Nullable String topic, List<MaterialDTO> materials, Instant startsAt,
        Instant endsAt, @Nullable String place, long organiserUnitId, List<Long> targetUnitIds, List<String> targetCategories,
        String createdBy, Instant createdAt, @Nullable Instant updatedAt) {
}
