package cn.edu.cumt.union.plugin.brand.internal;

/** The rating of a mid-term inspection (中期检查). */
public enum InspectionRating {
    GOOD("好"),
    SATISFACTORY("较好"),
    NEEDS_IMPROVEMENT("需改进");

    private final String label;

    InspectionRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
