package cn.edu.cumt.union.api.flow;

import java.time.Instant;

/**
 * Where one case stands, as the plugin stores it in its own table (a few columns) and hands it to
 * {@link Flows}; every step answers the case after it ({@link FlowOutcome#after()}). Immutable.
 *
 * @param unitId            the unit the case belongs to (the scope of unit admins and duties)
 * @param applicant         the username of who submitted it
 * @param applicantMemberId their member id, or {@code null} when not known
 * @param state             where it stands
 * @param stage             the current stage's id (for a returned case: the stage that returned it);
 *                          {@code null} only before submission
 * @param since             when the case entered its current stage or state
 * @param assignee          the one reviewer the current stage was handed to, or {@code null} for all its actors
 * @param firstReviewer     the username of who took the case's first decision, or {@code null}
 */
public record FlowCase(long unitId, String applicant, Long applicantMemberId, CaseState state, String stage,
        Instant since, String assignee, String firstReviewer) {
}
