package cn.edu.cumt.union.plugin.study.internal;

import java.util.List;

/**
 * A session's roll: every expected member, then anyone who attended without being expected any more
 * (e.g. transferred since).
 *
 * @param expected 应到: how many active members are expected
 * @param attended 实到: how many attendances are recorded
 */
public record AttendanceSheetDTO(long sessionId, int expected, int attended, List<AttendanceRowDTO> rows) {
}
