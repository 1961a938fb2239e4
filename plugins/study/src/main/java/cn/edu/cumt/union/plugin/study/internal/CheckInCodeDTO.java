package cn.edu.cumt.union.plugin.study.internal;

/** The check-in code (签到码) an organiser shows at the session. */
public record CheckInCodeDTO(long sessionId, String code) {
}
