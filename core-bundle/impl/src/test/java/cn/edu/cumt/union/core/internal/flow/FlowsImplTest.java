package cn.edu.cumt.union.core.internal.flow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import cn.edu.cumt.union.api.duty.Duties;
import cn.edu.cumt.union.api.duty.DutyDTO;
import cn.edu.cumt.union.api.flow.Actor;
import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowAction;
import cn.edu.cumt.union.api.flow.FlowCase;
import cn.edu.cumt.union.api.flow.FlowDefinition;
import cn.edu.cumt.union.api.flow.Stage;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.core.internal.ApiErrors;

/** Who counts as a stage's actor: a role, the case unit's admins, a duty held for the case's unit on the day. */
public class FlowsImplTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final Set<FlowAction> DECISIONS = Set.of(FlowAction.APPROVE, FlowAction.REJECT, FlowAction.RETURN);
    private static final FlowDefinition FLOW = new FlowDefinition("test", List.of(
            new Stage("unit", "单位审核", Actor.unitAdmins(), DECISIONS, 0),
            new Stage("experts", "专家评审", Actor.duty("reviewer"), DECISIONS, 0),
            new Stage("union", "校工会", Actor.role(Roles.UNION_ADMIN), DECISIONS, 0)), false);

    /** Unit 5 is managed by accounts holding a grant on it; union administrators manage all. */
    private final AccessControl access = new AccessControl() {
        @Override
        public boolean canManageUnit(UnionPrincipal caller, long unitId) {
            return caller.hasRole(Roles.UNION_ADMIN) || caller.adminUnitIds().contains(unitId);
        }

        @Override
        public void requireManageUnit(UnionPrincipal caller, long unitId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UnitScope manageableUnits(UnionPrincipal caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canSeeMember(UnionPrincipal caller, long memberId, long memberUnitId) {
            throw new UnsupportedOperationException();
        }
    };

    /** Member 21 is a reviewer for unit 5 on 2026-03-02 only (Asia/Shanghai); the calls are recorded. */
    private final List<String> asked = new ArrayList<>();
    private final Duties duties = new Duties() {
        @Override
        public boolean holds(long memberId, String dutyCode, long unitId, LocalDate date) {
            asked.add(memberId + " " + dutyCode + " " + unitId + " " + date);
            return memberId == 21 && dutyCode.equals("reviewer") && unitId == 5 && date.equals(LocalDate.of(2026, 3, 2));
        }

        @Override
        public Set<Long> holders(String dutyCode, long unitId, LocalDate date) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DutyDTO> heldBy(long memberId, LocalDate date) {
            throw new UnsupportedOperationException();
        }
    };

    private final FlowsImpl flows = new FlowsImpl(access, duties);

    private static UnionPrincipal user(String name, Long memberId, Set<String> roles, Set<Long> adminUnits) {
        return new UnionPrincipal(name.hashCode(), name, memberId, 5L, roles, adminUnits, "s");
    }

    private static final UnionPrincipal APPLICANT = user("applicant", 10L, Set.of(Roles.MEMBER), Set.of());
    private static final UnionPrincipal UNIT_ADMIN = user("unitadmin", 11L, Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(5L));
    private static final UnionPrincipal OTHER_UNIT_ADMIN = user("other", 12L, Set.of(Roles.MEMBER, Roles.UNIT_ADMIN), Set.of(6L));
    private static final UnionPrincipal EXPERT = user("expert", 21L, Set.of(Roles.MEMBER), Set.of());
    private static final UnionPrincipal NOT_EXPERT = user("plain", 22L, Set.of(Roles.MEMBER), Set.of());
    private static final UnionPrincipal UNION = user("union", 30L, Set.of(Roles.MEMBER, Roles.UNION_ADMIN), Set.of());

    private static void refused(String code, Runnable step) {
        ApiErrors.refused(403, code, step);
    }

    private FlowCase at(String stage) {
        return new FlowCase(5, "applicant", 10L, CaseState.IN_REVIEW, stage, NOW, null, null);
    }

    @Test
    public void theCaseUnitsAdminsDecideTheUnitStageAndAnotherUnitsDoNot() {
        FlowCase open = flows.submit(FLOW, APPLICANT, 5, NOW).after();
        refused("flow.not-your-turn", () -> flows.act(FLOW, open, OTHER_UNIT_ADMIN, FlowAction.APPROVE, null, null, NOW));
        assertFalse(flows.waitsOn(FLOW, open, OTHER_UNIT_ADMIN, NOW));
        assertTrue(flows.waitsOn(FLOW, open, UNIT_ADMIN, NOW));
        assertEquals("experts", flows.act(FLOW, open, UNIT_ADMIN, FlowAction.APPROVE, "unit", null, NOW).after().stage());
    }

    @Test
    public void aDutyStageIsDecidedOnlyByWhoHoldsTheDutyForTheCasesUnitThatDay() {
        FlowCase experts = at("experts");
        refused("flow.not-your-turn", () -> flows.act(FLOW, experts, NOT_EXPERT, FlowAction.APPROVE, null, null, NOW));
        refused("flow.not-your-turn", () -> flows.act(FLOW, experts, UNIT_ADMIN, FlowAction.APPROVE, null, null, NOW));
        UnionPrincipal noMember = new UnionPrincipal(99, "operator", null, null, Set.of(Roles.OPERATOR), Set.of(), "s");
        refused("flow.not-your-turn", () -> flows.act(FLOW, experts, noMember, FlowAction.APPROVE, null, null, NOW));
        FlowCase otherUnit = new FlowCase(6, "applicant", 10L, CaseState.IN_REVIEW, "experts", NOW, null, null);
        refused("flow.not-your-turn", () -> flows.act(FLOW, otherUnit, EXPERT, FlowAction.APPROVE, null, null, NOW));
        Instant nextDayInShanghai = Instant.parse("2026-03-02T16:00:00Z");
        refused("flow.not-your-turn", () -> flows.act(FLOW, experts, EXPERT, FlowAction.APPROVE, null, null, nextDayInShanghai));
        assertTrue(asked.contains("21 reviewer 5 2026-03-03"));
        assertEquals("union", flows.act(FLOW, experts, EXPERT, FlowAction.APPROVE, null, null, NOW).after().stage());
        assertTrue(flows.waitsOn(FLOW, experts, EXPERT, NOW));
    }

    @Test
    public void aRoleStageIsDecidedByTheRoleOnly() {
        FlowCase union = at("union");
        refused("flow.not-your-turn", () -> flows.act(FLOW, union, UNIT_ADMIN, FlowAction.APPROVE, null, null, NOW));
        refused("flow.not-your-turn", () -> flows.act(FLOW, union, EXPERT, FlowAction.APPROVE, null, null, NOW));
        assertEquals(CaseState.APPROVED, flows.act(FLOW, union, UNION, FlowAction.APPROVE, null, null, NOW).after().state());
    }

    @Test
    public void theApplicantSideIsTheApplicantOrTheCaseUnitsAdmins() {
        FlowCase returned = new FlowCase(5, "applicant", 10L, CaseState.RETURNED, "unit", NOW, null, "unitadmin");
        refused("flow.not-your-turn", () -> flows.act(FLOW, returned, OTHER_UNIT_ADMIN, FlowAction.RESUBMIT, null, null, NOW));
        refused("flow.not-your-turn", () -> flows.act(FLOW, returned, EXPERT, FlowAction.WITHDRAW, null, null, NOW));
        assertTrue(flows.waitsOn(FLOW, returned, APPLICANT, NOW));
        assertTrue(flows.waitsOn(FLOW, returned, UNIT_ADMIN, NOW));
        assertFalse(flows.waitsOn(FLOW, returned, OTHER_UNIT_ADMIN, NOW));
        assertFalse("union administrators may act for the unit, but it does not wait on them",
                flows.waitsOn(FLOW, returned, UNION, NOW));
        assertEquals(CaseState.IN_REVIEW, flows.act(FLOW, returned, APPLICANT, FlowAction.RESUBMIT, null, null, NOW)
                .after().state());
        assertEquals(CaseState.WITHDRAWN, flows.act(FLOW, returned, UNIT_ADMIN, FlowAction.WITHDRAW, null, null, NOW)
                .after().state());
    }

    @Test
    public void aUnitAdminWhoAppliedCannotDecideTheirOwnCaseThoughTheyManageTheUnit() {
        FlowCase own = flows.submit(FLOW, UNIT_ADMIN, 5, NOW).after();
        refused("flow.own-case", () -> flows.act(FLOW, own, UNIT_ADMIN, FlowAction.APPROVE, null, null, NOW));
        assertFalse(flows.waitsOn(FLOW, own, UNIT_ADMIN, NOW));
        refused("flow.reassign-not-allowed", () -> flows.reassign(FLOW, own, UNIT_ADMIN, "x", null, NOW));
    }
}
