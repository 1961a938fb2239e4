package cn.edu.cumt.union.api.flow;

import java.util.Objects;
import java.util.Set;

/**
 * One stage of a flow.
 *
 * @param id        a short code, unique in the flow, e.g. {@code review}
 * @param label     what users read, e.g. 校工会审核
 * @param actor     who decides at this stage
 * @param decisions the decisions allowed here: a non-empty subset of APPROVE, REJECT, RETURN
 * @param dueDays   days the stage may take before its case is overdue; 0 for no deadline
 */
public record Stage(String id, String label, Actor actor, Set<FlowAction> decisions, int dueDays) {

    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(actor, "actor");
        decisions = Set.copyOf(decisions);
        if (decisions.isEmpty() || decisions.stream().anyMatch(d -> !d.isDecision())) {
            throw new IllegalArgumentException("stage " + id + ": decisions must be a non-empty subset of APPROVE, REJECT, RETURN");
        }
        if (dueDays < 0) {
            throw new IllegalArgumentException("stage " + id + ": dueDays < 0");
        }
    }
}
