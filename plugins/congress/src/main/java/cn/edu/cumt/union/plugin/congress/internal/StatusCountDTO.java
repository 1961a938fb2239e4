package cn.edu.cumt.union.plugin.congress.internal;

/** How many proposals stand at one status. */
public record StatusCountDTO(ProposalStatus status, String label, long count) {
}
