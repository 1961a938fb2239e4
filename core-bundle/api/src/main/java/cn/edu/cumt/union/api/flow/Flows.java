package cn.edu.cumt.union.api.flow;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * The rules every review flow shares, decided once by the core; the plugin keeps the case. Nothing is
 * stored here: each method answers whether a step is allowed (or throws) and what comes next.
 * <ul>
 * <li>A decision is taken only at the case's current stage, only one allowed there, only by the stage's
 * actor (or its assignee after a reassignment) and never by the applicant.</li>
 * <li>A flow may require that the decision closing the case is not taken by its first reviewer.</li>
 * <li>Return → the applicant resubmits, to the stage that returned it; the applicant (or an administrator
 * of the case's unit acting for it) withdraws an open case; a union administrator reassigns a stage.</li>
 * <li>Each stage may carry a deadline; {@link #due} and {@link #overdue} answer it.</li>
 * </ul>
 * Refusals: 403 {@code flow.own-case}, {@code flow.not-your-turn}, {@code flow.first-reviewer},
 * {@code flow.reassign-not-allowed}; 409 {@code flow.wrong-stage}, {@code flow.not-allowed}; 400
 * {@code request.field-invalid} (an assignee who is the applicant, or the first reviewer at the last stage).
 * Implemented by the core; thread-safe.
 */
@ProviderType
public interface Flows {

    /** Opens a case of {@code unitId} for {@code applicant}: it goes to the first stage. */
    FlowOutcome submit(FlowDefinition flow, UnionPrincipal applicant, long unitId, Instant now);

    /**
     * A decision (APPROVE, REJECT, RETURN) or the applicant's RESUBMIT or WITHDRAW.
     *
     * @param expectedStage the stage the caller believes they act at (as shown to them), or {@code null}
     *                      to act at whatever stage the case is in; a mismatch is 409 {@code flow.wrong-stage}
     * @throws ApiException when the step is not allowed
     */
    FlowOutcome act(FlowDefinition flow, FlowCase current, UnionPrincipal caller, FlowAction action,
            String expectedStage, String comment, Instant now);

    /** Hands the current stage of a case in review to one reviewer ({@code null}: back to all its actors). */
    FlowOutcome reassign(FlowDefinition flow, FlowCase current, UnionPrincipal caller, String assignee,
            String comment, Instant now);

    /**
     * @return whether the case waits on {@code user} now: a case in review on whoever may decide at its
     *         stage, a returned case on its applicant side
     */
    boolean waitsOn(FlowDefinition flow, FlowCase current, UnionPrincipal user, Instant now);

    /** @return when the current stage is due, or {@code null} when it has no deadline or the case is not in review */
    Instant due(FlowDefinition flow, FlowCase current);

    /** @return whether the case is in review past its stage's deadline */
    boolean overdue(FlowDefinition flow, FlowCase current, Instant now);
}
