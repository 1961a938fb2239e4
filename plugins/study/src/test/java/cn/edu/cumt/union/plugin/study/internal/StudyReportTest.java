package cn.edu.cumt.union.plugin.study.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberStatus;

/** The completion report per unit: sums, rates, date range and scope. */
public class StudyReportTest extends StudyTestBase {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10); // T0 in Beijing

    @Test
    public void rateHasThreeDecimalsAndIsNullWithNothingExpected() {
        assertNull(StudyService.rate(0, 0));
        assertNull(StudyService.rate(0, 2));
        assertEquals(new BigDecimal("0.667"), StudyService.rate(3, 2));
        assertEquals(new BigDecimal("0.333"), StudyService.rate(3, 1));
        assertEquals(new BigDecimal("1.000"), StudyService.rate(4, 4));
        assertEquals(new BigDecimal("0.000"), StudyService.rate(7, 0));
    }

    @Test
    public void reportSumsExpectedAndAttendedPerUnit() {
        StudySessionDTO cs = create("计算机学院", T0, List.of(10L)); // expects 101 (unit 10) and 102 (unit 12)
        StudySessionDTO cadres = create("干部", T0, List.of(), "cadre"); // expects 101 (10) and 105 (20)
        StudySessionDTO math = create("数学学院", T0, List.of(20L)); // expects 103 and 105 (20)
        clock.now = T0;
        study.checkIn(member(101), cs.id(), code(cs));
        study.checkIn(member(102), cs.id(), code(cs));
        study.checkIn(member(101), cadres.id(), code(cadres));
        study.checkIn(member(103), math.id(), code(math));
        int loads = directory.memberLoads;

        StudyReportDTO report = study.report(UNION_ADMIN, DAY, DAY);

        assertEquals(3, report.sessions());
        assertEquals(List.of(
                new StudyReportRowDTO(10, "计算机学院", 2, 2, new BigDecimal("1.000")),
                new StudyReportRowDTO(12, "软件系", 1, 1, new BigDecimal("1.000")),
                new StudyReportRowDTO(20, "数学学院", 3, 1, new BigDecimal("0.333"))), report.units());
        assertEquals(6, report.expected());
        assertEquals(4, report.attended());
        assertEquals(new BigDecimal("0.667"), report.rate());
        assertEquals("expected counts must not load members", loads, directory.memberLoads);
    }

    @Test
    public void membersOfUnionGroupsCountOnceForTheirUnit() {
        StudySessionDTO cs = create("计算机学院", T0, List.of(10L)); // 10 has the group 11 below it
        StudySessionDTO group = create("第一小组", T0, List.of(11L));
        create("全体", T0, List.of());
        clock.now = T0;
        study.checkIn(member(101), group.id(), code(group));
        expect(404, "study.session.not-found", () -> study.checkIn(member(102), group.id(), code(group)));

        StudyReportDTO report = study.report(UNION_ADMIN, DAY, DAY);
        assertEquals(List.of(
                new StudyReportRowDTO(10, "计算机学院", 3, 1, new BigDecimal("0.333")), // 101 at each session
                new StudyReportRowDTO(12, "软件系", 2, 0, new BigDecimal("0.000")),
                new StudyReportRowDTO(20, "数学学院", 2, 0, new BigDecimal("0.000"))), report.units());
        assertEquals(List.of(101L), study.attendanceSheet(UNION_ADMIN, group.id()).rows().stream()
                .map(AttendanceRowDTO::memberId).toList());
        assertEquals(2, study.attendanceSheet(UNION_ADMIN, cs.id()).expected());
    }

    @Test
    public void sessionsWithTheSameTargetsAreCountedWithOneQuery() {
        create("全体一", T0, List.of(), "cadre");
        create("全体二", T0.plusSeconds(60), List.of(), "cadre");
        clock.now = T0.plusSeconds(120);

        StudyReportDTO report = study.report(UNION_ADMIN, DAY, DAY);
        assertEquals(2, report.sessions());
        assertEquals(4, report.expected()); // 101 and 105, twice
        assertEquals(1, directory.countQueries);
    }

    @Test
    public void unitWithAttendanceButNobodyExpectedAnyMoreHasNoRate() {
        StudySessionDTO math = create("数学学院", T0, List.of(20L));
        clock.now = T0;
        study.checkIn(member(103), math.id(), code(math));
        directory.setStatus(103, MemberStatus.RETIRED);
        directory.setStatus(105, MemberStatus.RETIRED);

        StudyReportDTO report = study.report(UNION_ADMIN, DAY, DAY);
        assertEquals(List.of(new StudyReportRowDTO(20, "数学学院", 0, 1, null)), report.units());
        assertNull(report.rate());
    }

    @Test
    public void reportCountsSessionsThatStartedWithinTheDaysInBeijing() {
        // 2026-03-09T16:30Z is 00:30 on 10 March in Beijing: inside; 15:30Z is still 9 March: outside.
        create("当天凌晨", java.time.Instant.parse("2026-03-09T16:30:00Z"), List.of(20L));
        create("前一天", java.time.Instant.parse("2026-03-09T15:30:00Z"), List.of(20L));
        create("还没开始", T0.plus(Duration.ofHours(3)), List.of(20L));
        clock.now = T0;

        StudyReportDTO report = study.report(UNION_ADMIN, DAY, DAY);
        assertEquals(1, report.sessions());
        assertEquals(2, report.expected());
        assertEquals(0, study.report(UNION_ADMIN, DAY.plusDays(1), DAY.plusDays(30)).sessions());
        expect(400, "request.field-invalid", () -> study.report(UNION_ADMIN, DAY, DAY.minusDays(1)));
    }

    @Test
    public void unitAdminSeesOnlyUnitsTheyManage() {
        StudySessionDTO everyone = create("全体", T0, List.of());
        clock.now = T0;
        study.checkIn(member(103), everyone.id(), code(everyone));
        study.checkIn(member(102), everyone.id(), code(everyone));

        StudyReportDTO report = study.report(CS_ADMIN, DAY, DAY);
        assertEquals(List.of(
                new StudyReportRowDTO(10, "计算机学院", 1, 0, new BigDecimal("0.000")),
                new StudyReportRowDTO(12, "软件系", 1, 1, new BigDecimal("1.000"))), report.units());
        assertEquals(new BigDecimal("0.500"), report.rate());
    }

    @Test
    public void reportTableHasOneLinePerUnitAndATotal() {
        StudyReportDTO report = new StudyReportDTO(DAY, DAY, 1, 3, 1, new BigDecimal("0.333"), List.of(
                new StudyReportRowDTO(10, "计算机学院", 3, 1, new BigDecimal("0.333")),
                new StudyReportRowDTO(20, "数学学院", 0, 0, null)));

        assertEquals(List.of("单位", "应到", "实到", "到课率"), StudyService.REPORT_HEADER);
        assertEquals(List.of(List.of("计算机学院", "3", "1", "0.333"), List.of("数学学院", "0", "0", ""),
                List.of("合计", "3", "1", "0.333")), StudyService.reportRows(report));
    }
}
