package cn.edu.cumt.union.api.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * The rules every review flow shares, as pure functions of the flow, the case and what is known of the
 * caller ({@link Caller}); {@link FlowsImpl} finds out the latter from roles, unit scope and duties.
 */
final class FlowRules {

    /**
     * What the rules need to know of whoever acts.
     *
     * @param username      their login name
     * @param memberId      their member id, or {@code null}
     * @param eligible      whether they are an actor of a given stage for this case
     * @param applicantSide whether they speak for the applicant: the applicant, or an administrator of the case's unit
     * @param unionAdmin    whether they are a union administrator (who may reassign)
     */
    record Caller(String username, Long memberId, Predicate<Stage> eligible, boolean applicantSide,
            boolean unionAdmin) {
    }

    private FlowRules() {
    }

    static FlowOutcome submit(FlowDefinition flow, String applicant, Long applicantMemberId, long unitId, Instant now) {
        Stage first = flow.stages().get(0);
        FlowCase opened = new FlowCase(unitId, applicant, applicantMemberId, CaseState.IN_REVIEW, first.id(), now, null,
                null);
        return new FlowOutcome(opened, new FlowStep(FlowAction.SUBMIT, first.id(), null, CaseState.IN_REVIEW, applicant,
                null, now));
    }

    static FlowOutcome act(FlowDefinition flow, FlowCase current, Caller caller, FlowAction action,
            String expectedStage, String comment, Instant now) {
        Objects.requireNonNull(action, "action");
        if (action == FlowAction.SUBMIT || action == FlowAction.REASSIGN || current.state().isFinal()) {
            throw notAllowed(current, action);
        }
        return switch (action) {
            case RESUBMIT -> {
                requireState(current, action, CaseState.RETURNED);
                requireApplicantSide(caller);
                yield moved(current, action, CaseState.IN_REVIEW, current.stage(), current.assignee(),
                        current.firstReviewer(), caller, comment, now);
            }
            case WITHDRAW -> {
                requireApplicantSide(caller);
                yield moved(current, action, CaseState.WITHDRAWN, current.stage(), current.assignee(),
                        current.firstReviewer(), caller, comment, now);
            }
            default -> decide(flow, current, caller, action, expectedStage, comment, now);
        };
    }

    private static FlowOutcome decide(FlowDefinition flow, FlowCase current, Caller caller, FlowAction action,
            String expectedStage, String comment, Instant now) {
        requireState(current, action, CaseState.IN_REVIEW);
        Stage stage = flow.stage(current.stage());
        if (stage == null || (expectedStage != null && !expectedStage.equals(current.stage()))) {
            throw ApiException.conflict("flow.wrong-stage",
                    "该事项当前处于「" + (stage == null ? current.stage() : stage.label()) + "」环节，请刷新后再操作",
                    "The case is at stage " + current.stage() + ", not " + expectedStage + "; reload and try again");
        }
        if (!stage.decisions().contains(action)) {
            throw ApiException.conflict("flow.not-allowed", "「" + stage.label() + "」环节不能" + action.label(),
                    "Stage " + stage.id() + " does not allow " + action);
        }
        requireNotApplicant(current, caller);
        if (!mayDecide(current, stage, caller)) {
            throw notYourTurn(stage);
        }
        Stage next = action == FlowAction.APPROVE ? flow.after(stage.id()) : null;
        if (closesByApproval(flow, stage, action) && caller.username().equals(current.firstReviewer())) {
            throw ApiException.forbidden("flow.first-reviewer", "终审不能由初审人作出，请由其他审核人办理",
                    "The final decision must not be taken by the case's first reviewer");
        }
        String firstReviewer = current.firstReviewer() == null ? caller.username() : current.firstReviewer();
        return switch (action) {
            case APPROVE -> next == null
                    ? moved(current, action, CaseState.APPROVED, stage.id(), null, firstReviewer, caller, comment, now)
                    : moved(current, action, CaseState.IN_REVIEW, next.id(), null, firstReviewer, caller, comment, now);
            case REJECT -> moved(current, action, CaseState.REJECTED, stage.id(), null, firstReviewer, caller, comment, now);
            default -> moved(current, action, CaseState.RETURNED, stage.id(), current.assignee(), firstReviewer, caller,
                    comment, now);
        };
    }

    static FlowOutcome reassign(FlowDefinition flow, FlowCase current, Caller caller, String assignee, String comment,
            Instant now) {
        requireState(current, FlowAction.REASSIGN, CaseState.IN_REVIEW);
        if (!caller.unionAdmin()) {
            throw ApiException.forbidden("flow.reassign-not-allowed", "仅校工会管理员可以转办",
                    "Only union administrators reassign a case");
        }
        requireNotApplicant(current, caller);
        String to = assignee == null || assignee.isBlank() ? null : assignee.trim();
        Stage stage = flow.stage(current.stage());
        if (to != null && (to.equals(current.applicant())
                || (closesByApproval(flow, stage, FlowAction.APPROVE) && to.equals(current.firstReviewer())))) {
            throw ApiException.invalidField("assignee", "不能转给申请人或初审人", "must not be the applicant or the first reviewer");
        }
        FlowCase after = new FlowCase(current.unitId(), current.applicant(), current.applicantMemberId(),
                current.state(), current.stage(), current.since(), to, current.firstReviewer());
        return new FlowOutcome(after, new FlowStep(FlowAction.REASSIGN, current.stage(), current.state(), current.state(),
                caller.username(), comment == null ? (to == null ? "转回本环节全部审核人" : "转给 " + to) : comment, now));
    }

    static boolean waitsOn(FlowDefinition flow, FlowCase current, Caller user) {
        return switch (current.state()) {
            case IN_REVIEW -> {
                Stage stage = flow.stage(current.stage());
                yield stage != null && !isApplicant(current, user) && mayDecide(current, stage, user)
                        && !(closesByApproval(flow, stage, FlowAction.APPROVE)
                                && user.username().equals(current.firstReviewer()));
            }
            // a returned case waits on the applicant and the unit's own admins, not on every union administrator
            case RETURNED -> isApplicant(current, user) || (user.applicantSide() && !user.unionAdmin());
            default -> false;
        };
    }

    static Instant due(FlowDefinition flow, FlowCase current) {
        Stage stage = current.state() == CaseState.IN_REVIEW ? flow.stage(current.stage()) : null;
        if (stage == null || stage.dueDays() == 0 || current.since() == null) {
            return null;
        }
        return current.since().plus(Duration.ofDays(stage.dueDays()));
    }

    static boolean overdue(FlowDefinition flow, FlowCase current, Instant now) {
        Instant due = due(flow, current);
        return due != null && now.isAfter(due);
    }

    // ---- the pieces ----

    /** An assigned stage waits on its assignee alone, who must still be one of the stage's actors. */
    private static boolean mayDecide(FlowCase current, Stage stage, Caller caller) {
        return (current.assignee() == null || current.assignee().equals(caller.username()))
                && caller.eligible().test(stage);
    }

    /** Whether the flow keeps the first reviewer from approving at this stage: its last one. */
    private static boolean closesByApproval(FlowDefinition flow, Stage stage, FlowAction action) {
        return flow.finalNotByFirstReviewer() && action == FlowAction.APPROVE && stage != null
                && flow.after(stage.id()) == null;
    }

    private static boolean isApplicant(FlowCase current, Caller caller) {
        return caller.username().equals(current.applicant())
                || (caller.memberId() != null && caller.memberId().equals(current.applicantMemberId()));
    }

    private static void requireNotApplicant(FlowCase current, Caller caller) {
        if (isApplicant(current, caller)) {
            throw ApiException.forbidden("flow.own-case", "申请人不能审核自己的申请", "An applicant never decides their own case");
        }
    }

    private static void requireApplicantSide(Caller caller) {
        if (!caller.applicantSide()) {
            throw ApiException.forbidden("flow.not-your-turn", "只有申请人或其单位管理员可以操作",
                    "Only the applicant or an administrator of the case's unit may do this");
        }
    }

    private static void requireState(FlowCase current, FlowAction action, CaseState state) {
        if (current.state() != state) {
            throw notAllowed(current, action);
        }
    }

    private static ApiException notAllowed(FlowCase current, FlowAction action) {
        return ApiException.conflict("flow.not-allowed", "该事项当前为「" + current.state().label() + "」，不能" + action.label(),
                "The case is " + current.state() + ": " + action + " is not allowed");
    }

    private static ApiException notYourTurn(Stage stage) {
        return ApiException.forbidden("flow.not-your-turn", "您不是「" + stage.label() + "」环节的审核人",
                "You are not a reviewer of stage " + stage.id());
    }

    private static FlowOutcome moved(FlowCase current, FlowAction action, CaseState to, String stage, String assignee,
            String firstReviewer, Caller caller, String comment, Instant now) {
        FlowCase after = new FlowCase(current.unitId(), current.applicant(), current.applicantMemberId(), to, stage, now,
                assignee, firstReviewer);
        return new FlowOutcome(after, new FlowStep(action, stage, current.state(), to, caller.username(), comment, now));
    }
}
