package cn.edu.cumt.union.plugin.welfare.internal;

/** The two purses hardship help is paid from. */
public enum Fund {
    /** 爱心扶助金 */
    LOVE_FUND("爱心扶助金"),
    /** 临时补助 */
    TEMP_SUBSIDY("临时补助");

    private final String label;

    Fund(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
