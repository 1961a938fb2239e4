package cn.edu.cumt.union.plugin.honours.internal;

import java.util.EnumSet;
import java.util.Set;

/** A nomination's status: drafted and submitted by its unit, checked by the union, voted on, listed, awarded. */
public enum NominationStatus {
    DRAFT("草稿"), SUBMITTED("待资格审查"), RETURNED("退回修改"), ELIGIBLE("资格审查通过"), INELIGIBLE("资格不符"),
    WITHDRAWN("已撤回"), LISTED("公示中"), NOT_CHOSEN("未当选"), STRUCK("经异议撤销"), AWARDED("已授予");

    /** Those that take one of the unit's places (名额). */
    static final Set<NominationStatus> IN_QUOTA = EnumSet.of(DRAFT, SUBMITTED, RETURNED, ELIGIBLE, LISTED, NOT_CHOSEN,
            STRUCK, AWARDED);
    /** Those everyone may see (on the public notice or the final list). */
    static final Set<NominationStatus> PUBLIC = EnumSet.of(LISTED, AWARDED);

    private final String label;

    NominationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
