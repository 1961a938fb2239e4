package cn.edu.cumt.union.plugin.study.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A session a member is expected at, with their attendance.
 *
 * @param attendance {@code null} while the member has not attended
 */
public record MySessionDTO(StudySessionDTO session, @Nullable AttendanceDTO attendance) {
}
