package cn.edu.cumt.union.plugin.honours.internal;

import java.time.Instant;
import java.util.List;

import cn.edu.cumt.union.api.rest.Nullable;

/** A new award call: its awards, timetable, default quota and per-unit quotas, and the committee's duty. */
public record CallEditDTO(Integer year, String title, @Nullable String description, Instant nominationOpens,
        Instant nominationCloses, @Nullable Integer noticeDays, Integer defaultQuota, @Nullable String committeeDuty,
        List<CategoryEditDTO> categories, @Nullable List<QuotaDTO> quotas) {
}
