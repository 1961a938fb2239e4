package cn.edu.cumt.union.plugin.congress.internal;

import java.time.Instant;

import cn.edu.cumt.union.api.rest.Nullable;

/** One step of the history (shown to those who handle the proposal). */
public record TransitionDTO(String action, @Nullable ProposalStatus from, ProposalStatus to, String actor, @Nullable String comment, Instant at) {
}
