package cn.edu.cumt.union.api.flow;

import java.time.Instant;

/**
 * One step of a case's history (who, when, what, comment), as the plugin stores it in its own history
 * table: one row per step.
 *
 * @param action  what was done
 * @param stage   the stage it was done at (for SUBMIT and RESUBMIT: the stage it went to)
 * @param from    the state before, {@code null} for SUBMIT
 * @param to      the state after
 * @param actor   the username of who did it
 * @param comment the comment given, or {@code null}
 * @param at      when
 */
public record FlowStep(FlowAction action, String stage, CaseState from, CaseState to, String actor, String comment,
        Instant at) {
}
