package cn.edu.cumt.union.plugin.welfare.internal;

/** Events with sign-up: women staff's lectures and salons, socials for single staff. */
public enum EventKind {
    /** 女职工讲座 */
    LECTURE("女职工讲座"),
    /** 女职工沙龙 */
    SALON("女职工沙龙"),
    /** 单身职工联谊: members opt in themselves and are listed only to the event's organisers. */
    SOCIAL("单身职工联谊");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
