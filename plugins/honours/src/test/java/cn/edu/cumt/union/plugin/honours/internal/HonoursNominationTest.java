package cn.edu.cumt.union.plugin.honours.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.Roles;

/** Nominations: the quota per unit, eligibility, the timetable and who may act at each step. */
public class HonoursNominationTest extends HonoursTestBase {

    @Test
    public void aUnitNominatesWithinItsQuotaAndAWithdrawalFreesThePlace() {
        CallDTO call = call();
        NominationDTO first = nominate(call, CS_ADMIN, 10, 101);
        assertEquals(NominationStatus.DRAFT, first.status());
        honours.nominate(CS_ADMIN, call.id(), new NominationEditDTO(group(call), 10L, null, 11L, "窗口服务优质"));
        expect(409, "honours.quota-exceeded", () -> nominate(call, CS_ADMIN, 10, 102));
        honours.withdraw(CS_ADMIN, first.id());
        assertEquals(NominationStatus.DRAFT, nominate(call, CS_ADMIN, 10, 102).status());
        // MATH has its own quota of 1.
        nominate(call, MATH_ADMIN, 20, 201);
        expect(409, "honours.quota-exceeded", () -> nominate(call, MATH_ADMIN, 20, 202));
    }

    @Test
    public void anIneligibleNominationFreesItsPlaceButTheOthersKeepIt() {
        CallDTO call = call();
        long rejected = nominate(call, MATH_ADMIN, 20, 201).id();
        honours.submit(MATH_ADMIN, rejected);
        honours.review(UNION_ADMIN, rejected, new ReviewDTO(Decision.REJECT, "不符合条件"));
        assertEquals(NominationStatus.DRAFT, nominate(call, MATH_ADMIN, 20, 202).status());
        expect(409, "honours.quota-exceeded", () -> honours.nominate(MATH_ADMIN, call.id(),
                new NominationEditDTO(group(call), 20L, null, 20L, "集体")));
    }

    @Test
    public void theNomineeMustMeetTheAwardsConditions() {
        CallDTO call = call();
        expect(400, "honours.not-eligible", () -> nominate(call, CS_ADMIN, 10, 103)); // not a teacher
        expect(400, "honours.not-eligible", () -> nominate(call, CS_ADMIN, 10, 104)); // retired
        expect(400, "request.field-invalid", () -> nominate(call, CS_ADMIN, 10, 201)); // another unit's member
        expect(400, "request.field-invalid", () -> honours.nominate(CS_ADMIN, call.id(),
                new NominationEditDTO(group(call), 10L, null, 20L, "别的单位"))); // a group outside the unit
        expect(400, "request.field-invalid", () -> honours.nominate(CS_ADMIN, call.id(),
                new NominationEditDTO(individual(call), 10L, null, 11L, "个人奖项填了集体")));
        expect(400, "request.field-invalid", () -> honours.nominate(CS_ADMIN, call.id(),
                new NominationEditDTO(individual(call), 10L, 101L, 11L, "两者都填")));
        assertEquals("会员101", nominate(call, CS_ADMIN, 10, 101).nomineeName());
        expect(409, "honours.nominee-duplicate", () -> honours.nominate(UNION_ADMIN, call.id(),
                new NominationEditDTO(individual(call), 10L, 101L, null, "再次推荐")));
    }

    @Test
    public void yearsOfMembershipAreCountedToTheEndOfTheCallsYear() {
        CallEditDTO edit = callEdit();
        CallEditDTO veterans = new CallEditDTO(2026, "劳模评选", null, edit.nominationOpens(), edit.nominationCloses(), 5, 3,
                DUTY, List.of(new CategoryEditDTO("model-worker", "劳动模范", HonourKind.INDIVIDUAL, 1, null, null, 7)),
                List.of());
        CallDTO call = honours.createCall(UNION_ADMIN, veterans);
        // Members of the fake directory joined on 2020-01-01: 6 years by the end of 2026, not 7.
        expect(400, "honours.not-eligible", () -> nominate(call, CS_ADMIN, 10, 101));
        CallDTO six = honours.createCall(UNION_ADMIN, new CallEditDTO(2026, "劳模评选", null, edit.nominationOpens(),
                edit.nominationCloses(), 5, 3, DUTY, List.of(new CategoryEditDTO("model-worker", "劳动模范",
                        HonourKind.INDIVIDUAL, 1, null, null, 6)), List.of()));
        assertEquals(NominationStatus.DRAFT, nominate(six, CS_ADMIN, 10, 101).status());
    }

    @Test
    public void nominationsAreTakenOnlyWithinTheTimetable() {
        CallDTO call = call();
        long draft = nominate(call, CS_ADMIN, 10, 101).id();
        clock.now = T0.plus(Duration.ofDays(10));
        expect(409, "honours.nomination.closed", () -> nominate(call, CS_ADMIN, 10, 102));
        expect(409, "honours.nomination.closed", () -> honours.submit(CS_ADMIN, draft));
        clock.now = T0.minus(Duration.ofDays(2));
        expect(409, "honours.nomination.closed", () -> nominate(call, CS_ADMIN, 10, 102));
    }

    @Test
    public void onlyTheUnitsAdministratorsActOnItsNominationsAndOthersGet404() {
        CallDTO call = call();
        expect(403, "honours.unit-not-managed", () -> nominate(call, MATH_ADMIN, 10, 101));
        long draft = nominate(call, CS_ADMIN, 10, 101).id();
        expect(404, "honours.nomination.not-found", () -> honours.nomination(MATH_ADMIN, draft));
        expect(404, "honours.nomination.not-found", () -> honours.submit(MATH_ADMIN, draft));
        expect(404, "honours.nomination.not-found", () -> honours.nomination(MEMBER, draft));
        assertFalse(honours.maySeeNomination(MATH_ADMIN, draft));
        assertTrue(honours.maySeeNomination(CS_ADMIN, draft));
        assertTrue(honours.mayChangeNomination(CS_ADMIN, draft));
        assertEquals(0, honours.nominations(MATH_ADMIN, call.id(), null, 0, 50).total());
        assertEquals(1, honours.nominations(CS_ADMIN, call.id(), null, 0, 50).total());
        assertEquals(0, honours.nominations(MEMBER, null, null, 0, 50).total());
        assertEquals(1, honours.nominations(UNION_ADMIN, call.id(), null, 0, 50).total());
    }

    @Test
    public void theUnionChecksEligibilityAndNeverTheNominatorOrAUnitAdmin() {
        CallDTO call = call();
        long id = nominate(call, CS_ADMIN, 10, 101).id();
        expect(409, "honours.nomination.invalid-transition", () -> honours.review(UNION_ADMIN, id,
                new ReviewDTO(Decision.APPROVE, null)));
        honours.submit(CS_ADMIN, id);
        assertFalse("submitted: attachments are fixed", honours.mayChangeNomination(CS_ADMIN, id));
        expect(403, "honours.union-only", () -> honours.review(CS_ADMIN, id, new ReviewDTO(Decision.APPROVE, null)));
        expect(400, "request.field-missing", () -> honours.review(UNION_ADMIN, id, new ReviewDTO(Decision.RETURN, null)));
        NominationDTO returned = honours.review(UNION_ADMIN, id, new ReviewDTO(Decision.RETURN, "请补充事迹材料"));
        assertEquals(NominationStatus.RETURNED, returned.status());
        assertEquals("the nominator's account is told", 1, notifications.toAccounts.stream()
                .filter(n -> n.recipient() == CS_ADMIN.accountId()).count());
        honours.updateNomination(CS_ADMIN, id, new NominationEditDTO(individual(call), 10L, 101L, null, "补充后的事迹"));
        honours.resubmit(CS_ADMIN, id);
        assertEquals(NominationStatus.ELIGIBLE, honours.review(UNION_ADMIN, id, new ReviewDTO(Decision.APPROVE, null))
                .status());
        assertEquals(List.of("CREATE", "SUBMIT", "RETURN", "RESUBMIT", "APPROVE"),
                honours.nomination(CS_ADMIN, id).steps().stream().map(StepDTO::action).toList());
        // A union administrator who nominated may not check their own nomination: the flow says never the applicant.
        long own = honours.nominate(UNION_ADMIN, call.id(), new NominationEditDTO(individual(call), 20L, 201L, null, "校推荐"))
                .id();
        honours.submit(UNION_ADMIN, own);
        expect(403, "flow.own-case", () -> honours.review(UNION_ADMIN, own,
                new ReviewDTO(Decision.APPROVE, null)));
        UnionPrincipal second = new UnionPrincipal(9, "admin2", null, null, java.util.Set.of(Roles.UNION_ADMIN),
                java.util.Set.of(), "s9");
        assertEquals(NominationStatus.ELIGIBLE, honours.review(second, own, new ReviewDTO(Decision.APPROVE, null)).status());
    }

    @Test
    public void tasksShowWhatWaitsOnWhom() {
        CallDTO call = call();
        assertEquals(1, honours.tasksFor(CS_ADMIN).size()); // nominate for CS
        long id = nominate(call, CS_ADMIN, 10, 101).id();
        assertTrue(honours.tasksFor(CS_ADMIN).stream().anyMatch(t -> t.title().startsWith("提交推荐")));
        honours.submit(CS_ADMIN, id);
        assertTrue(honours.tasksFor(UNION_ADMIN).stream().anyMatch(t -> t.title().startsWith("资格审查")));
        assertTrue(honours.tasksFor(MEMBER).isEmpty());
        assertTrue(honours.tasksFor(MATH_ADMIN).stream().noneMatch(t -> t.link().endsWith("/" + id)));
    }
}
