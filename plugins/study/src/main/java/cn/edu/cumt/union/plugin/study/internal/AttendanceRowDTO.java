package cn.edu.cumt.union.plugin.study.internal;

/**
 * One line of a session's roll (签到表).
 *
 * @param expected   whether the member is expected at the session today (应到)
 * @param attendance {@code null} when the member has not attended
 */
public record AttendanceRowDTO(long memberId, String staffNo, String name, Long unitId, boolean expected,
        AttendanceDTO attendance) {
}
