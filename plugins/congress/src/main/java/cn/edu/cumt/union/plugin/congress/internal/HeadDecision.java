package cn.edu.cumt.union.plugin.congress.internal;

/** What the delegation head (代表团团长) decides: send it on to the committee, or back to the proposer. */
public enum HeadDecision {
    APPROVE, RETURN
}
