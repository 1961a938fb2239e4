package cn.edu.cumt.union.api.directory;

/** The three levels of the organisation tree. */
public enum UnitKind {
    /** 校工会: the university union, the root. */
    UNIVERSITY,
    /** 二级单位工会: the branch union of a school, college or office. */
    UNIT,
    /** 工会小组: a union group inside a unit. */
    GROUP
}
