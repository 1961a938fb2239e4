package cn.edu.cumt.union.plugin.study.internal;

/** A member's check-in (签到) request: the code the organiser shows at the session. */
public record CheckInDTO(String code) {
}
