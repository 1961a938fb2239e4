package cn.edu.cumt.union.api.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * {@link Flows}: the shared rules, told who the caller is by roles, unit scope ({@link AccessControl})
 * and {@link Duties}. The core publishes it as the {@code Flows} service; plugin tests build one on
 * fakes, so that they run the real rules and not a copy.
 */
public class StandardFlows implements Flows {

    /** Duties are held on calendar days of the union's own time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AccessControl access;
    private final Duties duties;

    public StandardFlows(AccessControl access, Duties duties) {
        this.access = access;
        this.duties = duties;
    }

    @Override
    public FlowOutcome submit(FlowDefinition flow, UnionPrincipal applicant, long unitId, Instant now) {
        return FlowRules.submit(flow, applicant.username(), applicant.memberId(), unitId, now);
    }

    @Override
    public FlowOutcome act(FlowDefinition flow, FlowCase current, UnionPrincipal caller, FlowAction action,
            String expectedStage, String comment, Instant now) {
        return FlowRules.act(flow, current, caller(current, caller, now), action, expectedStage, comment, now);
    }

    @Override
    public FlowOutcome reassign(FlowDefinition flow, FlowCase current, UnionPrincipal caller, String assignee,
            String comment, Instant now) {
        return FlowRules.reassign(flow, current, caller(current, caller, now), assignee, comment, now);
    }

    @Override
    public boolean waitsOn(FlowDefinition flow, FlowCase current, UnionPrincipal user, Instant now) {
        return FlowRules.waitsOn(flow, current, caller(current, user, now));
    }

    @Override
    public Instant due(FlowDefinition flow, FlowCase current) {
        return FlowRules.due(flow, current);
    }

    @Override
    public boolean overdue(FlowDefinition flow, FlowCase current, Instant now) {
        return FlowRules.overdue(flow, current, now);
    }

    private FlowRules.Caller caller(FlowCase current, UnionPrincipal principal, Instant now) {
        long unitId = current.unitId();
        boolean applicant = principal.username().equals(current.applicant());
        return new FlowRules.Caller(principal.username(), principal.memberId(), stage -> eligible(stage, unitId, principal, now),
                applicant || access.canManageUnit(principal, unitId), principal.hasRole(Roles.UNION_ADMIN));
    }

    private boolean eligible(Stage stage, long unitId, UnionPrincipal principal, Instant now) {
        return switch (stage.actor().kind()) {
            case ROLE -> principal.hasRole(stage.actor().value());
            case UNIT_ADMINS -> access.canManageUnit(principal, unitId);
            case DUTY -> principal.memberId() != null && duties.holds(principal.memberId(), stage.actor().value(), unitId,
                    LocalDate.ofInstant(now, ZONE));
        };
    }
}
