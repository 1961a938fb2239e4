package cn.edu.cumt.union.plugin.study.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.Test;

/** Creating, reading, changing and deleting sessions: validation, unit scoping, persistence. */
public class StudySessionRulesTest extends StudyTestBase {

    @Test
    public void sessionRoundTripsThroughTheSchema() {
        StudySessionEditDTO input = new StudySessionEditDTO("  二十大精神学习  ", "主题",
                List.of(new MaterialDTO("原文", "https://example.org/a", null), new MaterialDTO("摘要", null, "正文")),
                T0, T0.plus(Duration.ofMinutes(90)), "逸夫楼", 10L, List.of(12L, 10L, 12L), List.of("cadre", " cadre"));
        StudySessionDTO created = study.create(UNION_ADMIN, input);
        StudySessionDTO read = study.get(UNION_ADMIN, created.id());

        assertEquals("二十大精神学习", read.title());
        assertEquals(T0, read.startsAt());
        assertEquals(T0.plus(Duration.ofMinutes(90)), read.endsAt());
        assertEquals(List.of(10L, 12L), read.targetUnitIds());
        assertEquals(List.of("cadre"), read.targetCategories());
        assertEquals(input.materials(), read.materials());
        assertEquals("admin", read.createdBy());
        assertTrue(code(created).matches("\\d{6}"));
        assertEquals(List.of("ok study.session.create " + created.id()), audit.lines);
    }

    @Test
    public void invalidInputIsRejectedWith400() {
        expect(400, "request.field-missing", () -> study.create(UNION_ADMIN, edit("  ", T0, 1, List.of())));
        expect(400, "request.field-invalid", () -> study.create(UNION_ADMIN, edit("x".repeat(201), T0, 1, List.of())));
        expect(400, "request.field-invalid", () -> study.create(UNION_ADMIN,
                new StudySessionEditDTO("t", null, null, T0, T0, null, 1L, null, null)));
        expect(400, "request.field-missing", () -> study.create(UNION_ADMIN,
                new StudySessionEditDTO("t", null, null, null, T0, null, 1L, null, null)));
        expect(400, "request.field-invalid", () -> study.create(UNION_ADMIN, edit("t", T0, 99, List.of())));
        expect(400, "request.field-invalid", () -> study.create(UNION_ADMIN, edit("t", T0, 1, List.of(10L, 99L))));
        expect(400, "request.field-invalid", () -> study.create(UNION_ADMIN, new StudySessionEditDTO("t", null,
                List.of(new MaterialDTO("m", "ftp://x", null)), T0, T0.plusSeconds(60), null, 1L, null, null)));
        expect(400, "request.field-invalid", () -> study.create(UNION_ADMIN, new StudySessionEditDTO("t", null,
                List.of(new MaterialDTO("m", null, null)), T0, T0.plusSeconds(60), null, 1L, null, null)));
        expect(400, "request.field-missing", () -> study.create(UNION_ADMIN, null));
        assertTrue(audit.lines.isEmpty());
        assertEquals(0, study.list(UNION_ADMIN, 0, 10).total());
    }

    @Test
    public void unitAdminOrganisesOnlyForUnitsTheyManage() {
        StudySessionDTO own = study.create(CS_ADMIN, edit("本院学习", T0, 10, List.of(12L)));
        expect(403, "study.unit-not-managed", () -> study.create(CS_ADMIN, edit("t", T0, 20, List.of(20L))));
        expect(403, "study.targets-not-managed", () -> study.create(CS_ADMIN, edit("t", T0, 10, List.of(10L, 20L))));
        expect(403, "study.targets-not-managed", () -> study.create(CS_ADMIN, edit("t", T0, 10, List.of())));
        expect(403, "study.targets-not-managed",
                () -> study.update(CS_ADMIN, own.id(), edit("t", T0, 10, List.of(20L))));
        StudySessionDTO math = study.create(UNION_ADMIN, edit("数学学院学习", T0, 20, List.of()));

        assertEquals(List.of(own.id()), study.list(CS_ADMIN, 0, 10).items().stream().map(StudySessionDTO::id).toList());
        assertEquals(2, study.list(UNION_ADMIN, 0, 10).total());
        // Other units' sessions do not exist for a unit administrator.
        expect(404, "study.session.not-found", () -> study.get(CS_ADMIN, math.id()));
        expect(404, "study.session.not-found", () -> study.code(CS_ADMIN, math.id()));
        expect(404, "study.session.not-found", () -> study.update(CS_ADMIN, math.id(), edit("t", T0, 10, List.of(10L))));
        expect(404, "study.session.not-found", () -> study.delete(CS_ADMIN, math.id()));
        expect(404, "study.session.not-found", () -> study.attendanceSheet(CS_ADMIN, math.id()));
        expect(404, "study.session.not-found", () -> study.get(UNION_ADMIN, 987654L));
    }

    @Test
    public void membersReadOnlySessionsTheyAreExpectedAt() {
        StudySessionDTO cs = create("计算机", T0, List.of(10L));
        StudySessionDTO cadres = create("干部", T0, List.of(), "cadre");

        assertEquals(cs.id(), study.get(member(102), cs.id()).id()); // 软件系 is below 计算机学院
        expect(404, "study.session.not-found", () -> study.get(member(103), cs.id()));
        assertEquals(cadres.id(), study.get(member(105), cadres.id()).id());
        expect(404, "study.session.not-found", () -> study.get(member(103), cadres.id()));
    }

    @Test
    public void updateChangesFieldsButKeepsTheCode() {
        StudySessionDTO created = create("旧", T0, List.of(10L));
        String code = code(created);
        StudySessionDTO updated = study.update(UNION_ADMIN, created.id(), edit("新", T0.plusSeconds(3600), 1, List.of(20L)));

        assertEquals("新", updated.title());
        assertEquals(List.of(20L), study.get(UNION_ADMIN, created.id()).targetUnitIds());
        assertEquals(code, code(created));
        assertEquals("ok study.session.update " + created.id(), audit.lines.get(1));
    }

    @Test
    public void deleteOnlyBeforeStartAndWithoutAttendance() {
        StudySessionDTO early = create("可删", T0, List.of());
        StudySessionDTO attended = create("已有出勤", T0, List.of());
        StudySessionDTO started = create("已开始", T0.minus(Duration.ofHours(2)), List.of());

        clock.now = T0.minus(Duration.ofMinutes(10)); // inside the check-in window, before the start
        study.checkIn(member(101), attended.id(), code(attended));
        study.delete(UNION_ADMIN, early.id());
        expect(409, "study.session.has-attendance", () -> study.delete(UNION_ADMIN, attended.id()));
        expect(409, "study.session.started", () -> study.delete(UNION_ADMIN, started.id()));

        expect(404, "study.session.not-found", () -> study.get(UNION_ADMIN, early.id()));
        assertTrue(audit.lines.contains("ok study.session.delete " + early.id()));
        assertEquals(2, study.list(UNION_ADMIN, 0, 10).total());
    }

    @Test
    public void codesDifferBetweenSessions() {
        // 1 in a million that two are equal by chance; five equal codes would mean no randomness.
        List<String> codes = List.of(code(create("a", T0, List.of())), code(create("b", T0, List.of())),
                code(create("c", T0, List.of())), code(create("d", T0, List.of())), code(create("e", T0, List.of())));
        assertNotEquals(1, codes.stream().distinct().count());
    }
}
