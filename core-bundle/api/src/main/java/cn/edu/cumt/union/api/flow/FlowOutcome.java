package cn.edu.cumt.union.api.flow;

/**
 * What an allowed step leads to: store {@code after} on the case and append {@code step} to its history,
 * in the same transaction.
 */
public record FlowOutcome(FlowCase after, FlowStep step) {
}
