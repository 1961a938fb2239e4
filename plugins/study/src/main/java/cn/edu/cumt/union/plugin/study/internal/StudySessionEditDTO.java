package cn.edu.cumt.union.plugin.study.internal;

import java.time.Instant;
import java.util.List;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * What an administrator sends to create or change a study session. Times are ISO-8601 instants with
 * an offset, e.g. {@code 2026-12-01T14:30:00+08:00} (Beijing time) or {@code 2026-12-01T06:30:00Z}.
 *
 * @param title            学习会名称, required
 * @param topic            学习主题, optional
 * @param materials        学习材料, optional
 * @param startsAt         when it starts, required
 * @param endsAt           when it ends, after {@code startsAt}
 * @param place            地点, optional
 * @param organiserUnitId  the unit that organises it, required
 * @param targetUnitIds    units whose members (sub-units included) must attend; empty means all units
 * @param targetCategories when not empty, only members holding at least one of these categories
 */
public record StudySessionEditDTO(String title, @Nullable String topic, @Nullable List<MaterialDTO> materials, Instant startsAt,
        Instant endsAt, @Nullable String place, @Nullable Long organiserUnitId,
        @Nullable List<Long> targetUnitIds, @Nullable List<String> targetCategories) {
}
