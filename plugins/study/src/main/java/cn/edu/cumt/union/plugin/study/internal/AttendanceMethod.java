package cn.edu.cumt.union.plugin.study.internal;

/** How an attendance was recorded. */
public enum AttendanceMethod {
    /** 签到: the member entered the session's check-in code. */
    CODE,
    /** 补录: an organiser recorded it. */
    MANUAL
}
