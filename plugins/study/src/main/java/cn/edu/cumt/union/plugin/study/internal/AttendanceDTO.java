package cn.edu.cumt.union.plugin.study.internal;

import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * One member's attendance (出勤) at one session.
 *
 * @param unitId     the member's unit when the attendance was recorded
 * @param recordedBy the login name of whoever recorded it (the member for {@link AttendanceMethod#CODE})
 */
public record AttendanceDTO(long sessionId, long memberId, long unitId, AttendanceMethod method, Instant recordedAt,
        @Nullable String recordedBy) {
}
