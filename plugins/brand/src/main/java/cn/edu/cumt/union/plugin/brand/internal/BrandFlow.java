package cn.edu.cumt.union.plugin.brand.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * The project's status flow as one transition table: (status, action) to the next status. Kept
 * apart from the service so that it can move onto a shared review workflow later unchanged.
 */
final class BrandFlow {

    private static final Map<BrandStatus, Map<BrandAction, BrandStatus>> TABLE = new EnumMap<>(BrandStatus.class);

    static {
        allow(BrandStatus.SUBMITTED, BrandAction.EDIT, BrandStatus.SUBMITTED);
        allow(BrandStatus.SUBMITTED, BrandAction.WITHDRAW, BrandStatus.WITHDRAWN);
        allow(BrandStatus.SUBMITTED, BrandAction.APPROVE, BrandStatus.APPROVED);
        allow(BrandStatus.SUBMITTED, BrandAction.REJECT, BrandStatus.REJECTED);
        allow(BrandStatus.SUBMITTED, BrandAction.RETURN, BrandStatus.RETURNED);
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
