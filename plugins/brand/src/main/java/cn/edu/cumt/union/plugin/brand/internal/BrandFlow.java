package cn.edu.cumt.union.plugin.brand.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.edu.cumt.union.api.flow.Actor;
import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowDefinition;
import cn.edu.cumt.union.api.flow.Stage;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;

/**
 * The project's status flow as one transition table: (status, action) to the next status, and the
 * review part of it as a flow of the core ({@link #REVIEW}): who may review, withdraw, resubmit and
 * reassign, and the deadline, are decided by the core's {@code Flows}; this table names the
 * project's status before and after (the core knows nothing of funding, progress or completion).
 */
final class BrandFlow {

    static final String REVIEW_STAGE = "review";
    /** Days the university union has to review an application before it shows as overdue. */
    static final int REVIEW_DAYS = 30;

    /** 校工会审核: one stage, decided by union administrators (never the applicant), within 30 days. */
    static final FlowDefinition REVIEW = new FlowDefinition("brand.project", List.of(new Stage(REVIEW_STAGE, "校工会审核",
            Actor.role(Roles.UNION_ADMIN), Set.of(FlowAction.APPROVE, FlowAction.REJECT, FlowAction.RETURN),
            REVIEW_DAYS)), false);

    private static final Map<BrandStatus, Map<BrandAction, BrandStatus>> TABLE = new EnumMap<>(BrandStatus.class);

    static {
        allow(BrandStatus.SUBMITTED, BrandAction.EDIT, BrandStatus.SUBMITTED);
        allow(BrandStatus.SUBMITTED, BrandAction.WITHDRAW, BrandStatus.WITHDRAWN);
        allow(BrandStatus.SUBMITTED, BrandAction.APPROVE, BrandStatus.APPROVED);
        allow(BrandStatus.SUBMITTED, BrandAction.REJECT, BrandStatus.REJECTED);
        allow(BrandStatus.SUBMITTED, BrandAction.RETURN, BrandStatus.RETURNED);
        allow(BrandStatus.SUBMITTED, BrandAction.REASSIGN, BrandStatus.SUBMITTED);
        allow(BrandStatus.RETURNED, BrandAction.EDIT, BrandStatus.RETURNED);
        allow(BrandStatus.RETURNED, BrandAction.WITHDRAW, BrandStatus.WITHDRAWN);
        allow(BrandStatus.RETURNED, BrandAction.RESUBMIT, BrandStatus.SUBMITTED);
        // APPROVED -> IN_PROGRESS is implicit: the first progress recorded starts the project.
        allow(BrandStatus.APPROVED, BrandAction.PROGRESS, BrandStatus.IN_PROGRESS);
        allow(BrandStatus.APPROVED, BrandAction.COMPLETE, BrandStatus.COMPLETED);
        allow(BrandStatus.IN_PROGRESS, BrandAction.PROGRESS, BrandStatus.IN_PROGRESS);
        allow(BrandStatus.IN_PROGRESS, BrandAction.COMPLETE, BrandStatus.COMPLETED);
        // REJECTED, WITHDRAWN and COMPLETED are final.
    }

    private BrandFlow() {
    }

    private static void allow(BrandStatus from, BrandAction action, BrandStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(BrandAction.class)).put(action, to);
    }

    /** Where a project of this status stands in {@link #REVIEW}. */
    static CaseState caseState(BrandStatus status) {
        return switch (status) {
            case SUBMITTED -> CaseState.IN_REVIEW;
            case RETURNED -> CaseState.RETURNED;
            case REJECTED -> CaseState.REJECTED;
            case WITHDRAWN -> CaseState.WITHDRAWN;
            case APPROVED, IN_PROGRESS, COMPLETED -> CaseState.APPROVED;
        };
    }

    /** The step of {@link #REVIEW} an action is, or {@code null} for the project's own actions (edit, progress, complete). */
    static FlowAction flowAction(BrandAction action) {
        return switch (action) {
            case APPLY -> FlowAction.SUBMIT;
            case APPROVE -> FlowAction.APPROVE;
            case REJECT -> FlowAction.REJECT;
            case RETURN -> FlowAction.RETURN;
            case RESUBMIT -> FlowAction.RESUBMIT;
            case WITHDRAW -> FlowAction.WITHDRAW;
            case REASSIGN -> FlowAction.REASSIGN;
            case EDIT, PROGRESS, COMPLETE -> null;
        };
    }

    /** The status every application starts in. */
    static BrandStatus initial() {
        return BrandStatus.SUBMITTED;
    }

    /** The actions allowed in a status, with where each leads; empty for a final status. */
    static Map<BrandAction, BrandStatus> allowed(BrandStatus from) {
        return Collections.unmodifiableMap(TABLE.getOrDefault(from, Map.of()));
    }

    /**
     * @return the status after {@code action}
     * @throws ApiException 409 {@code brand.project.invalid-transition}, naming the current status
     */
    static BrandStatus next(BrandStatus from, BrandAction action) {
        BrandStatus to = allowed(from).get(action);
        if (to == null) {
            throw ApiException.conflict("brand.project.invalid-transition",
                    "项目当前状态为「" + from.label() + "」，不能" + action.label(),
                    "The project is " + from + ": " + action + " is not allowed");
        }
        return to;
    }
}
