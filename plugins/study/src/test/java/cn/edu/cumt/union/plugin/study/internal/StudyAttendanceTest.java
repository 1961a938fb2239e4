package cn.edu.cumt.union.plugin.study.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberStatus;

/** Check-in, manual attendance, who is expected, and what members see of their own record. */
public class StudyAttendanceTest extends StudyTestBase {

    @Test
    public void checkInOpensAWindowBeforeTheStartAndClosesAtTheEnd() {
        StudySessionDTO session = create("全体学习", T0, List.of());
        String code = code(session);

        clock.now = T0.minus(WINDOW).minusSeconds(1);
        expect(409, "study.check-in.not-open", () -> study.checkIn(member(101), session.id(), code));
        clock.now = T0.minus(WINDOW);
        assertEquals(clock.now, study.checkIn(member(101), session.id(), code).recordedAt());
        clock.now = session.endsAt();
        assertEquals(AttendanceMethod.CODE, study.checkIn(member(102), session.id(), code).method());
        clock.now = session.endsAt().plusSeconds(1);
        expect(409, "study.check-in.closed", () -> study.checkIn(member(103), session.id(), code));

        assertEquals(2, study.attendanceSheet(UNION_ADMIN, session.id()).attended());
    }

    @Test
    public void wrongOrMissingCodeIsRefused() {
        StudySessionDTO session = create("全体学习", T0, List.of());
        String wrong = code(session).equals("000000") ? "000001" : "000000";
        clock.now = T0;

        expect(400, "study.check-in.wrong-code", () -> study.checkIn(member(101), session.id(), wrong));
        expect(400, "study.check-in.wrong-code", () -> study.checkIn(member(101), session.id(), code(session) + "0"));
        expect(400, "request.field-missing", () -> study.checkIn(member(101), session.id(), " "));

        assertEquals(0, study.attendanceSheet(UNION_ADMIN, session.id()).attended());
        assertTrue(audit.lines.contains("denied study.checkin " + session.id()));
        // A code with surrounding spaces, as typed on a phone, still counts.
        assertEquals(101, study.checkIn(member(101), session.id(), " " + code(session) + " ").memberId());
    }

    @Test
    public void guessingTheCodeStopsAfterFiveWrongOnesForThatMemberOnly() {
        StudySessionDTO session = create("全体学习", T0, List.of());
        String right = code(session);
        String wrong = right.equals("000000") ? "000001" : "000000";
        clock.now = T0;
        for (int i = 0; i < CheckInAttempts.MAX_WRONG; i++) {
            expect(400, "study.check-in.wrong-code", () -> study.checkIn(member(101), session.id(), wrong));
        }
        long audited = audit.lines.stream().filter(line -> line.equals("denied study.checkin " + session.id())).count();
        // now even the right code waits: a guesser cannot tell that a guess was right
        expect(429, "study.check-in.too-many-attempts", () -> study.checkIn(member(101), session.id(), wrong));
        expect(429, "study.check-in.too-many-attempts", () -> study.checkIn(member(101), session.id(), right));
        clock.now = T0.plusSeconds(60);
        try {
            study.checkIn(member(101), session.id(), right);
            org.junit.Assert.fail("still waiting");
        } catch (cn.edu.cumt.union.api.rest.RetryLater waiting) {
            assertEquals("Retry-After: the rest of the pause", CheckInAttempts.PAUSE.toSeconds() - 60, waiting.retryAfterSeconds());
        }
        assertEquals("waiting attempts are not audited", audited,
                audit.lines.stream().filter(line -> line.equals("denied study.checkin " + session.id())).count());
        // another member is not touched
        assertEquals(102, study.checkIn(member(102), session.id(), right).memberId());
        // after the pause the member may try again
        clock.now = T0.plus(CheckInAttempts.PAUSE).plusSeconds(1);
        assertTrue("the session must outlast the pause", clock.now.isBefore(session.endsAt()));
        assertEquals(101, study.checkIn(member(101), session.id(), right).memberId());
    }

    @Test
    public void onlyExpectedMembersMayCheckIn() {
        StudySessionDTO cs = create("计算机学院", T0, List.of(10L));
        StudySessionDTO cadres = create("干部", T0, List.of(), "cadre");
        clock.now = T0;

        expect(404, "study.session.not-found", () -> study.checkIn(member(103), cs.id(), code(cs)));
        expect(404, "study.session.not-found", () -> study.checkIn(member(102), cadres.id(), code(cadres)));
        expect(404, "study.session.not-found", () -> study.checkIn(member(104), cs.id(), code(cs))); // retired
        expect(404, "study.session.not-found", () -> study.checkIn(member(101), 424242L, "123456"));
        expect(403, "study.not-a-member", () -> study.checkIn(UNION_ADMIN, cs.id(), code(cs)));

        assertEquals(12, study.checkIn(member(102), cs.id(), code(cs)).unitId()); // 软件系 is below 计算机学院
        assertEquals(20, study.checkIn(member(105), cadres.id(), code(cadres)).unitId());
    }

    @Test
    public void aSecondCheckInReturnsTheFirst() {
        StudySessionDTO session = create("全体学习", T0, List.of());
        clock.now = T0;
        AttendanceDTO first = study.checkIn(member(101), session.id(), code(session));
        clock.now = T0.plus(Duration.ofMinutes(5));
        AttendanceDTO second = study.checkIn(member(101), session.id(), code(session));

        assertEquals(first, second);
        assertEquals(T0, second.recordedAt());
        assertEquals(1, audit.lines.stream().filter(l -> l.startsWith("ok study.checkin")).count());
        assertEquals(1, study.attendanceSheet(UNION_ADMIN, session.id()).attended());
    }

    @Test
    public void expectedMembersFollowUnitsSubUnitsAndCategories() {
        StudySessionDTO cs = create("计算机学院", T0, List.of(10L));
        StudySessionDTO cadres = create("干部", T0, List.of(), "cadre");
        StudySessionDTO everyone = create("全体", T0, List.of());
        StudySessionDTO mathVeterans = create("数学老同志", T0, List.of(20L), "veteran", "cadre");

        assertEquals(List.of(101L, 102L), expectedIds(cs));
        assertEquals(List.of(101L, 105L), expectedIds(cadres));
        assertEquals(List.of(101L, 102L, 103L, 105L), expectedIds(everyone));
        assertEquals(List.of(103L, 105L), expectedIds(mathVeterans));
        assertEquals(List.of(cs.id(), everyone.id()), mineIds(102));
        assertEquals(List.of(cadres.id(), everyone.id(), mathVeterans.id()), mineIds(105));
    }

    @Test
    public void organiserRecordsAttendanceOfExpectedMembersOnly() {
        StudySessionDTO session = study.create(CS_ADMIN, edit("计算机学院", T0, 10, List.of(10L)));
        clock.now = T0.minus(WINDOW).minusSeconds(1);
        expect(409, "study.attendance.not-started",
                () -> study.recordAttendance(UNION_ADMIN, session.id(), new MemberIdsDTO(List.of(101L))));
        clock.now = T0;
        study.checkIn(member(101), session.id(), code(session));
        expect(400, "request.field-invalid",
                () -> study.recordAttendance(UNION_ADMIN, session.id(), new MemberIdsDTO(List.of(102L, 103L))));
        expect(400, "request.field-missing",
                () -> study.recordAttendance(UNION_ADMIN, session.id(), new MemberIdsDTO(List.of())));
        expect(404, "study.session.not-found",
                () -> study.recordAttendance(CS_ADMIN, 424242L, new MemberIdsDTO(List.of(101L))));

        clock.now = T0.plus(Duration.ofDays(2)); // after the fact is fine
        AttendanceSheetDTO sheet = study.recordAttendance(CS_ADMIN, session.id(),
                new MemberIdsDTO(List.of(101L, 102L, 102L)));

        assertEquals(2, sheet.expected());
        assertEquals(2, sheet.attended());
        Map<Long, AttendanceDTO> byMember = sheet.rows().stream()
                .collect(Collectors.toMap(AttendanceRowDTO::memberId, AttendanceRowDTO::attendance));
        assertEquals(AttendanceMethod.CODE, byMember.get(101L).method()); // kept as it was
        assertEquals(AttendanceMethod.MANUAL, byMember.get(102L).method());
        assertEquals("cs-admin", byMember.get(102L).recordedBy());
        assertTrue(audit.lines.contains("ok study.attendance.record " + session.id()));
    }

    @Test
    public void rollKeepsAttendeesWhoAreNoLongerExpected() {
        StudySessionDTO session = create("计算机学院", T0, List.of(10L));
        clock.now = T0;
        study.checkIn(member(101), session.id(), code(session));
        directory.setStatus(101, MemberStatus.RETIRED);

        AttendanceSheetDTO sheet = study.attendanceSheet(UNION_ADMIN, session.id());
        assertEquals(1, sheet.expected());
        assertEquals(1, sheet.attended());
        AttendanceRowDTO last = sheet.rows().get(sheet.rows().size() - 1);
        assertEquals(101, last.memberId());
        assertFalse(last.expected());
        assertEquals("S101", last.staffNo());
    }

    @Test
    public void mineListsUpcomingSessionsFirstThenPastOnes() {
        StudySessionDTO past = create("上月", T0.minus(Duration.ofDays(30)), List.of());
        StudySessionDTO older = create("上上月", T0.minus(Duration.ofDays(60)), List.of());
        StudySessionDTO later = create("下月", T0.plus(Duration.ofDays(30)), List.of());
        StudySessionDTO soon = create("明天", T0.plus(Duration.ofDays(1)), List.of());
        clock.now = T0;

        assertEquals(List.of(soon.id(), later.id(), past.id(), older.id()), mineIds(101));
        PageDTOCheck page = new PageDTOCheck(study.mine(member(101), 1, 2));
        assertEquals(4, page.total);
        assertEquals(List.of(later.id(), past.id()), page.ids);
    }

    @Test
    public void recordCountsAttendedAndMissedSessions() {
        StudySessionDTO attended = create("已参加", T0.minus(Duration.ofDays(30)), List.of());
        StudySessionDTO missed = create("未参加", T0.minus(Duration.ofDays(20)), List.of());
        StudySessionDTO running = create("进行中", T0.minus(Duration.ofMinutes(10)), List.of());
        create("未开始", T0.plus(Duration.ofDays(1)), List.of());
        create("外院", T0.minus(Duration.ofDays(10)), List.of(20L));
        clock.now = T0.minus(Duration.ofDays(30));
        study.checkIn(member(101), attended.id(), code(attended));
        clock.now = T0;

        StudyRecordDTO record = study.record(member(101));
        assertEquals(1, record.attended());
        assertEquals(1, record.missed());
        assertEquals(List.of(missed.id(), attended.id()), record.sessions().stream().map(s -> s.session().id()).toList());
        assertNull(record.sessions().get(0).attendance());

        study.checkIn(member(101), running.id(), code(running));
        assertEquals(2, study.record(member(101)).attended());
    }

    private List<Long> expectedIds(StudySessionDTO session) {
        return study.attendanceSheet(UNION_ADMIN, session.id()).rows().stream().filter(AttendanceRowDTO::expected)
                .map(AttendanceRowDTO::memberId).toList();
    }

    private List<Long> mineIds(long memberId) {
        return study.mine(member(memberId), 0, 50).items().stream().map(s -> s.session().id()).toList();
    }

    /** The ids and total of one page of {@link StudyService#mine}. */
    private static final class PageDTOCheck {
        final long total;
        final List<Long> ids;

        PageDTOCheck(cn.edu.cumt.union.api.rest.PageDTO<MySessionDTO> page) {
            total = page.total();
            ids = page.items().stream().map(s -> s.session().id()).toList();
        }
    }
}
