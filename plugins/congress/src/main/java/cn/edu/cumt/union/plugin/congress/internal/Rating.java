package cn.edu.cumt.union.plugin.congress.internal;

/** How a proposer or seconder rates an answer. */
public enum Rating {
    SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
