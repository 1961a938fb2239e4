package cn.edu.cumt.union.plugin.congress.internal;

/** What the proposals committee (提案工作委员会) decides. */
public enum CommitteeOutcome {
    /** 立案: assigned to a lead department with a deadline. */
    ACCEPT,
    /** 转为意见建议. */
    OPINION,
    /** 并案: merged into another proposal, which is kept. */
    MERGE,
    /** 不予立案, with a reason. */
    NOT_ACCEPT
}
