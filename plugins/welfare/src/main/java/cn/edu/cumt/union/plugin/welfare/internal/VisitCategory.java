package cn.edu.cumt.union.plugin.welfare.internal;

/** Whom a care visit (慰问) is for. */
public enum VisitCategory {
    /** 节假日坚守岗位职工 */
    HOLIDAY_DUTY("节假日值班职工"),
    /** 复转军人 */
    VETERAN("复转军人"),
    /** 挂职干部 */
    SECONDED("挂职干部"),
    /** 患病职工 */
    SICK("患病职工"),
    /** 劳动模范 */
    MODEL_WORKER("劳动模范"),
    /** 其他 */
    OTHER("其他");

    private final String label;

    VisitCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
