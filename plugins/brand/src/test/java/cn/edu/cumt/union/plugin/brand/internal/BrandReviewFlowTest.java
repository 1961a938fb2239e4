package cn.edu.cumt.union.plugin.brand.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.flow.CaseState;
import cn.edu.cumt.union.api.flow.FlowCase;
import cn.edu.cumt.union.api.task.TaskDTO;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeDuties;
import cn.edu.cumt.union.testing.PluginDatabase;
import cn.edu.cumt.union.testing.TestFlows;

/** The review on the core's flow rules: never the applicant, reassignment, the task list, and the old rows. */
public class BrandReviewFlowTest extends BrandTestBase {

    private static ReviewDTO approve(String yuan) {
        return new ReviewDTO(BrandDecision.APPROVE, new BigDecimal(yuan), null);
    }

    private static List<String> links(List<TaskDTO> tasks) {
        return tasks.stream().map(TaskDTO::link).toList();
    }

    @Test
    public void aUnionAdministratorWhoAppliedForAUnitNeverReviewsThatApplication() {
        long id = brand.apply(UNION_ADMIN, edit(10, 2026, "代申报", "1000")).project().id();
        int audited = audit.lines.size();
        for (ReviewDTO review : List.of(approve("1000"), new ReviewDTO(BrandDecision.REJECT, null, "x"),
                new ReviewDTO(BrandDecision.RETURN, null, "x"))) {
            expect(403, "flow.own-case", () -> brand.review(UNION_ADMIN, id, review));
        }
        assertEquals("refusals write nothing", audited, audit.lines.size());
        assertEquals(BrandStatus.SUBMITTED, brand.get(UNION_ADMIN, id).project().status());
        assertEquals(List.of(), brand.tasksFor(UNION_ADMIN));
        assertEquals(List.of("/api/brand/projects/" + id), links(brand.tasksFor(OTHER_UNION_ADMIN)));
        assertEquals(BrandStatus.APPROVED, brand.review(OTHER_UNION_ADMIN, id, approve("1000")).project().status());
    }

    @Test
    public void anApplicationWaitsOnTheUnionWhileSubmittedAndOnItsUnitWhileReturned() {
        long id = apply(10, "书香计算机").project().id();
        String link = "/api/brand/projects/" + id;
        List<TaskDTO> union = brand.tasksFor(UNION_ADMIN);
        assertEquals(List.of(link), links(union));
        assertEquals("校工会审核", union.get(0).stage());
        assertEquals("书香计算机（计算机学院 2026）", union.get(0).title());
        assertEquals(T0, union.get(0).since());
        assertEquals(T0.plus(Duration.ofDays(BrandFlow.REVIEW_DAYS)), union.get(0).due());
        assertEquals("not the applicant", List.of(), brand.tasksFor(CS_ADMIN));
        assertEquals("not another unit's admin", List.of(), brand.tasksFor(MATH_ADMIN));
        assertEquals(List.of(), brand.tasksFor(MEMBER));

        clock.now = T0.plus(Duration.ofDays(2));
        brand.review(UNION_ADMIN, id, new ReviewDTO(BrandDecision.RETURN, null, "请补充预算"));
        List<TaskDTO> unit = brand.tasksFor(CS_ADMIN);
        assertEquals(List.of(link), links(unit));
        assertEquals("退回修改", unit.get(0).stage());
        assertNull("the unit has no deadline", unit.get(0).due());
        assertEquals(List.of(), brand.tasksFor(UNION_ADMIN));
        assertEquals(List.of(), brand.tasksFor(MATH_ADMIN));

        clock.now = T0.plus(Duration.ofDays(3));
        brand.resubmit(CS_ADMIN, id);
        assertEquals("the review's clock starts again", T0.plus(Duration.ofDays(3 + BrandFlow.REVIEW_DAYS)),
                brand.tasksFor(UNION_ADMIN).get(0).due());
        brand.review(UNION_ADMIN, id, approve("100"));
        for (var user : List.of(UNION_ADMIN, OTHER_UNION_ADMIN, CS_ADMIN, MATH_ADMIN, MEMBER)) {
            assertEquals(user.username(), List.of(), brand.tasksFor(user));
        }
    }

    @Test
    public void aUnionAdministratorHandsTheReviewToOneReviewer() {
        long id = apply(20, "数学建模").project().id();
        expect(403, "brand.union-admin-only", () -> brand.reassign(MATH_ADMIN, id, new ReassignDTO("admin2", null)));
        expect(400, "request.field-invalid", () -> brand.reassign(OTHER_UNION_ADMIN, id, new ReassignDTO("math-admin", null)));
        BrandProjectDetailDTO handed = brand.reassign(UNION_ADMIN, id, new ReassignDTO("admin2", "请王老师审核"));
        TransitionDTO step = handed.history().get(handed.history().size() - 1);
        assertEquals(BrandAction.REASSIGN, step.action());
        assertEquals("请王老师审核", step.comment());
        assertEquals(List.of(), brand.tasksFor(UNION_ADMIN));
        assertEquals(1, brand.tasksFor(OTHER_UNION_ADMIN).size());
        expect(403, "flow.not-your-turn", () -> brand.review(UNION_ADMIN, id, approve("10")));
        brand.review(OTHER_UNION_ADMIN, id, approve("10"));
        expect(409, "brand.project.invalid-transition", () -> brand.reassign(UNION_ADMIN, id, new ReassignDTO(null, null)));
        assertTrue(audit.lines.stream().anyMatch(line -> line.equals("ok brand.project.reassign " + id)));
    }

    @Test
    public void projectsWrittenBeforeTheFlowKeepTheirStatusHistoryAndReviewer() throws Exception {
        Instant applied = Instant.parse("2025-05-01T02:00:00Z");
        Instant returned = Instant.parse("2025-05-03T02:00:00Z");
        Instant resubmitted = Instant.parse("2025-05-04T02:00:00Z");
        PluginDatabase old = PluginDatabase.upgraded("brand", 2, connection -> {
            project(connection, 1, 10, "SUBMITTED", applied);
            transition(connection, 1, "APPLY", null, "SUBMITTED", "cs-admin", applied);
            transition(connection, 1, "RETURN", "SUBMITTED", "RETURNED", "admin", returned);
            transition(connection, 1, "RESUBMIT", "RETURNED", "SUBMITTED", "cs-admin", resubmitted);
            project(connection, 2, 20, "APPROVED", applied);
            project(connection, 3, 30, "RETURNED", applied);
        });
        BrandProjectEntity one = old.txExpr(em -> em.find(BrandProjectEntity.class, 1L));
        FlowCase flowCase = one.flowCase();
        assertEquals(CaseState.IN_REVIEW, flowCase.state());
        assertEquals("the current stage began with the last move", resubmitted, flowCase.since());
        assertEquals("admin", flowCase.firstReviewer());
        assertEquals("cs-admin", flowCase.applicant());
        FlowCase noHistory = old.txExpr(em -> em.find(BrandProjectEntity.class, 3L)).flowCase();
        assertEquals(CaseState.RETURNED, noHistory.state());
        assertEquals("without history the last update counts", applied, noHistory.since());
        assertNull(noHistory.firstReviewer());
        assertEquals(CaseState.APPROVED, old.txExpr(em -> em.find(BrandProjectEntity.class, 2L)).flowCase().state());

        FakeAccess access = new FakeAccess(directory);
        BrandService upgraded = new BrandService(old, directory, access, audit,
                TestFlows.of(access, new FakeDuties(directory)), clock);
        assertEquals(List.of("/api/brand/projects/1"), links(upgraded.tasksFor(UNION_ADMIN)));
        assertEquals(4, upgraded.review(UNION_ADMIN, 1, approve("100")).history().size());
        assertEquals(List.of("/api/brand/projects/3"), links(upgraded.tasksFor(CHEM_ADMIN)));
    }

    private static void project(Connection connection, long id, long unitId, String status, Instant at) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO BRAND_PROJECT (ID, UNIT_ID, PROJECT_YEAR,"
                + " NAME, AIMS, PLAN_TEXT, BUDGET_ASKED, STATUS, OPEN_KEY, CREATED_BY, CREATED_AT, UPDATED_AT, VERSION)"
                + " VALUES (?, ?, 2025, ?, 'a', 'p', 1000.00, ?, ?, ?, ?, ?, 0)")) {
            insert.setLong(1, id);
            insert.setLong(2, unitId);
            insert.setString(3, "旧项目" + id);
            insert.setString(4, status);
            insert.setString(5, unitId + ":2025");
            insert.setString(6, unitId == 10 ? "cs-admin" : unitId == 20 ? "math-admin" : "chem-admin");
            insert.setTimestamp(7, Timestamp.from(at));
            insert.setTimestamp(8, Timestamp.from(at));
            insert.executeUpdate();
        }
        try (Statement restart = connection.createStatement()) {
            restart.execute("ALTER TABLE BRAND_PROJECT ALTER COLUMN ID RESTART WITH 100");
        }
    }

    private static void transition(Connection connection, long project, String action, String from, String to,
            String actor, Instant at) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO BRAND_TRANSITION (PROJECT_ID, ACTION,"
                + " FROM_STATUS, TO_STATUS, ACTOR, OCCURRED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, project);
            insert.setString(2, action);
            insert.setString(3, from);
            insert.setString(4, to);
            insert.setString(5, actor);
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
