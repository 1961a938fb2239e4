package cn.edu.cumt.union.plugin.congress.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** The delegation head's check: APPROVE sends it to the committee, RETURN (with a comment) back to the proposer. */
public record HeadCheckDTO(@Nullable HeadDecision decision, @Nullable String comment) {
}
