package cn.edu.cumt.union.plugin.study.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * One line of a session's roll (签到表).
 *
 * @param expected   whether the member is expected at the session today (应到)
 * @param attendance {@code null} when the member has not attended
 */
public record AttendanceRowDTO(long memberId, String staffNo, String name, @Nullable Long unitId, boolean expected,
        @Nullable AttendanceDTO attendance) {
}
