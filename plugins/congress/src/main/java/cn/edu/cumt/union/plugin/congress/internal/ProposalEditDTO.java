package cn.edu.cumt.union.plugin.congress.internal;

import cn.edu.cumt.union.api.rest.Nullable;

/** A proposal as the delegate drafts it (the session only when creating). */
public record ProposalEditDTO(@Nullable Long sessionId, String title, String reason, String measures) {
}
