package cn.edu.cumt.union.plugin.brand.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.List;

import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

/** Applying, editing, withdrawing and the union's review: rules, refusals, scope and history. */
public class BrandApplicationTest extends BrandTestBase {

    @Test
    public void applicationRoundTripsThroughTheSchema() {
        BrandProjectDetailDTO created = brand.apply(CS_ADMIN, new BrandProjectEditDTO(10L, 2026, "  书香计算机  ",
                " 目标 ", " 方案 ", new BigDecimal("12345.6")));
        BrandProjectDetailDTO read = brand.get(CS_ADMIN, created.project().id());

        assertEquals("书香计算机", read.project().name());
        assertEquals("计算机学院", read.project().unitName());
        assertEquals(2026, read.project().year());
        assertEquals(BrandStatus.SUBMITTED, read.project().status());
        assertEquals("已申报", read.project().statusLabel());
        assertEquals(new BigDecimal("12345.60"), read.project().budgetAsked());
        assertEquals(new BigDecimal("0.00"), read.project().disbursed());
        assertNull(read.project().fundingGranted());
        assertEquals("目标", read.aims());
        assertEquals("方案", read.plan());
        assertEquals("cs-admin", read.project().createdBy());
        assertTrue(read.project().managed());
        assertEquals(List.of(BrandAction.APPLY), read.history().stream().map(TransitionDTO::action).toList());
        assertEquals(List.of("ok brand.project.apply " + created.project().id()), audit.lines);
    }

    @Test
    public void invalidApplicationsAreRejectedWith400() {
        expect(400, "request.field-missing", () -> brand.apply(UNION_ADMIN, null));
        expect(400, "request.field-missing", () -> brand.apply(UNION_ADMIN, edit(10, 2026, " ", "1")));
        expect(400, "request.field-missing", () -> brand.apply(UNION_ADMIN,
                new BrandProjectEditDTO(null, 2026, "n", "a", "p", BigDecimal.TEN)));
        expect(400, "request.field-missing", () -> brand.apply(UNION_ADMIN,
                new BrandProjectEditDTO(10L, 2026, "n", null, "p", BigDecimal.TEN)));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(10, 2026, "n", "0")));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(10, 2026, "n", "1.001")));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(10, 2026, "n", "20000000")));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(10, 1999, "n", "1")));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(10, 2026, "x".repeat(201), "1")));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(99, 2026, "n", "1")));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(11, 2026, "小组", "1")));
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(1, 2026, "校工会", "1")));
        directory.retire(30);
        expect(400, "request.field-invalid", () -> brand.apply(UNION_ADMIN, edit(30, 2026, "n", "1")));
        assertTrue(audit.lines.isEmpty());
        assertEquals(0, brand.list(UNION_ADMIN, null, null, null, 0, 10).total());
    }

    @Test
    public void unitAdministratorsApplyOnlyForTheirUnits() {
        expect(403, "brand.unit-not-managed", () -> brand.apply(CS_ADMIN, edit(20, 2026, "n", "1")));
        expect(403, "brand.unit-not-managed", () -> brand.apply(MEMBER, edit(10, 2026, "n", "1")));
        assertEquals(BrandStatus.SUBMITTED, brand.apply(MATH_ADMIN, edit(20, 2026, "数学之美", "1")).project().status());
    }

    @Test
    public void oneOpenProjectPerUnitAndYear() {
        long first = apply(10, "第一个").project().id();
        ApiException duplicate = expect(409, "brand.project.duplicate", () -> apply(10, "第二个"));
        assertTrue(duplicate.messageZh(), duplicate.messageZh().contains("#" + first));
        assertEquals(2027, brand.apply(UNION_ADMIN, edit(10, 2027, "明年", "1")).project().year());
        apply(20, "别的单位");

        brand.review(UNION_ADMIN, first, new ReviewDTO(BrandDecision.RETURN, null, "请细化方案"));
        expect(409, "brand.project.duplicate", () -> apply(10, "退回期间"));
        brand.withdraw(CS_ADMIN, first);
        long second = apply(10, "撤回后重报").project().id();
        brand.review(UNION_ADMIN, second, new ReviewDTO(BrandDecision.REJECT, null, "特色不明显"));
        long third = apply(10, "驳回后再报").project().id();
        brand.review(UNION_ADMIN, third, new ReviewDTO(BrandDecision.APPROVE, yuan("100"), null));
        expect(409, "brand.project.duplicate", () -> apply(10, "立项后"));
    }

    @Test
    public void theSchemaKeepsOneOpenProjectPerUnitAndYearEvenWithoutTheServiceCheck() {
        apply(10, "已有");
        BrandProjectEntity racing = new BrandProjectEntity(10, 2026, "racer", T0);
        racing.apply(BrandService.validate(edit(10, 2026, "并发申报", "1")), T0);
        try {
            jpa.tx(TransactionType.Required, em -> {
                em.persist(racing);
                em.flush();
            });
            fail("the unique OPEN_KEY must refuse a second open project");
        } catch (PersistenceException expected) {
            // the constraint, not the service, refused it
        }
        BrandProjectEntity closed = new BrandProjectEntity(10, 2026, "racer", T0);
        closed.apply(BrandService.validate(edit(10, 2026, "已撤回", "1")), T0);
        closed.setStatus(BrandStatus.WITHDRAWN, T0);
        BrandProjectEntity closedToo = new BrandProjectEntity(10, 2026, "racer", T0);
        closedToo.apply(BrandService.validate(edit(10, 2026, "已驳回", "1")), T0);
        closedToo.setStatus(BrandStatus.REJECTED, T0);
        jpa.tx(TransactionType.Required, em -> {
            em.persist(closed);
            em.persist(closedToo);
        });
        assertEquals(3, brand.list(UNION_ADMIN, 2026, 10L, null, 0, 10).total());
    }

    @Test
    public void theUnitEditsAndWithdrawsOnlyWhileSubmittedOrReturned() {
        long id = apply(10, "初稿").project().id();
        BrandProjectDetailDTO edited = brand.update(CS_ADMIN, id, edit(10, 2026, "修改稿", "800.5"));
        assertEquals("修改稿", edited.project().name());
        assertEquals(new BigDecimal("800.50"), edited.project().budgetAsked());
        expect(400, "request.field-invalid", () -> brand.update(CS_ADMIN, id, edit(10, 2027, "n", "1")));

        brand.review(UNION_ADMIN, id, new ReviewDTO(BrandDecision.RETURN, null, "预算过高"));
        assertEquals(BrandStatus.RETURNED, brand.update(CS_ADMIN, id, edit(10, 2026, "再改", "600")).project().status());
        expect(409, "brand.project.invalid-transition", () -> brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.APPROVE, yuan("600"), null)));
        brand.resubmit(CS_ADMIN, id);
        expect(409, "brand.project.invalid-transition", () -> brand.resubmit(CS_ADMIN, id));
        brand.review(UNION_ADMIN, id, new ReviewDTO(BrandDecision.APPROVE, yuan("500"), "同意"));

        ApiException late = expect(409, "brand.project.invalid-transition",
                () -> brand.update(CS_ADMIN, id, edit(10, 2026, "n", "1")));
        assertTrue(late.messageZh(), late.messageZh().contains("已立项"));
        expect(409, "brand.project.invalid-transition", () -> brand.withdraw(CS_ADMIN, id));
        BrandProjectDetailDTO read = brand.get(CS_ADMIN, id);
        assertEquals("再改", read.project().name());
        assertEquals(List.of(BrandAction.APPLY, BrandAction.RETURN, BrandAction.RESUBMIT, BrandAction.APPROVE),
                read.history().stream().map(TransitionDTO::action).toList());
        assertEquals("预算过高", read.history().get(1).comment());
        assertEquals(BrandStatus.RETURNED, read.history().get(1).to());
    }

    @Test
    public void reviewNeedsFundingOrAReason() {
        long id = apply(10, "待审").project().id();
        expect(403, "brand.union-admin-only", () -> brand.review(CS_ADMIN, id,
                new ReviewDTO(BrandDecision.APPROVE, yuan("1"), null)));
        expect(400, "request.field-missing", () -> brand.review(UNION_ADMIN, id, new ReviewDTO(null, null, "x")));
        expect(400, "request.field-missing", () -> brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.RETURN, null, " ")));
        expect(400, "request.field-missing", () -> brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.REJECT, null, null)));
        expect(400, "request.field-invalid", () -> brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.REJECT, yuan("5"), "no")));
        expect(400, "request.field-missing", () -> brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.APPROVE, null, null)));
        expect(400, "request.field-invalid", () -> brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.APPROVE, yuan("50000.01"), null)));
        assertEquals(BrandStatus.SUBMITTED, brand.get(UNION_ADMIN, id).project().status());
        assertTrue(audit.lines.toString(), audit.lines.stream().noneMatch(l -> l.contains("approve")));

        BrandProjectDetailDTO approved = brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.APPROVE, yuan("50000"), null));
        assertEquals(BrandStatus.APPROVED, approved.project().status());
        assertEquals(new BigDecimal("50000.00"), approved.project().fundingGranted());
        assertTrue(audit.lines.contains("ok brand.project.approve " + id));
        expect(409, "brand.project.invalid-transition", () -> brand.review(UNION_ADMIN, id,
                new ReviewDTO(BrandDecision.REJECT, null, "改主意")));
    }

    @Test
    public void otherUnitsSeeOnlyApprovedProjectsAndNeverTheirInternals() {
        long math = brand.apply(MATH_ADMIN, edit(20, 2026, "数学之美", "3000")).project().id();
        expect(404, "brand.project.not-found", () -> brand.get(CS_ADMIN, math));
        expect(404, "brand.project.not-found", () -> brand.get(MEMBER, math));
        expect(404, "brand.project.not-found", () -> brand.update(CS_ADMIN, math, edit(20, 2026, "n", "1")));
        expect(404, "brand.project.not-found", () -> brand.withdraw(CS_ADMIN, math));
        expect(404, "brand.project.not-found", () -> brand.get(UNION_ADMIN, 987654L));

        brand.review(UNION_ADMIN, math, new ReviewDTO(BrandDecision.APPROVE, yuan("2000"), "同意立项"));
        for (var caller : List.of(CS_ADMIN, MEMBER)) {
            BrandProjectDetailDTO seen = brand.get(caller, math);
            assertEquals("数学之美", seen.project().name());
            assertEquals(false, seen.project().managed());
            assertNull(seen.project().budgetAsked());
            assertNull(seen.project().fundingGranted());
            assertNull(seen.project().disbursed());
            assertNull(seen.reviewComment());
            assertNull(seen.disbursements());
            assertNull(seen.history());
            assertNull(seen.inspection());
        }
        expect(404, "brand.project.not-found", () -> brand.addMilestone(CS_ADMIN, math,
                new MilestoneEditDTO("x", TODAY, false, null, null)));
        assertEquals(new BigDecimal("2000.00"), brand.get(MATH_ADMIN, math).project().fundingGranted());
        assertEquals("同意立项", brand.get(MATH_ADMIN, math).reviewComment());
    }
}
