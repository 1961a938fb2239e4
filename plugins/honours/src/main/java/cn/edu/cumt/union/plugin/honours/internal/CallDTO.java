package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** An award call with its awards and quotas. */
public record CallDTO(long id, int year, String title, @Nullable String description, Instant nominationOpens,
        Instant nominationCloses, int noticeDays, int defaultQuota, String committeeDuty, CallStatus status,
        String statusLabel, @Nullable Long ballotId, @Nullable Instant noticeFrom, @Nullable Instant noticeUntil,
        @Nullable Instant finalisedAt, List<CategoryDTO> categories, List<QuotaDTO> quotas) {
}
