package cn.edu.cumt.union.plugin.welfare.internal;

/** Where a trip sign-up stands. */
public enum TripResult {
    /** 待分配 */
    PENDING("待分配"),
    /** 入选 */
    SELECTED("入选"),
    /** 未入选 */
    NOT_SELECTED("未入选");

    private final String label;

    TripResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
