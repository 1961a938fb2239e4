package cn.edu.cumt.union.plugin.study.internal;

/**
 * A session a member is expected at, with their attendance.
 *
 * @param attendance {@code null} while the member has not attended
 */
public record MySessionDTO(StudySessionDTO session, AttendanceDTO attendance) {
}
