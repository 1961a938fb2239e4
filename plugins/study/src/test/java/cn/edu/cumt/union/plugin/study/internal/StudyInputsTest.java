package cn.edu.cumt.union.plugin.study.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** Input checks: every refusal is a 400 with a stable code. */
public class StudyInputsTest {

    @Test
    public void datesMustBeIsoDays() {
        assertEquals(LocalDate.of(2026, 3, 10), StudyInputs.date("from", " 2026-03-10 "));
        StudyTestBase.expect(400, "request.field-invalid", () -> StudyInputs.date("from", "2026/03/10"));
        StudyTestBase.expect(400, "request.field-invalid", () -> StudyInputs.date("from", "2026-02-30"));
        StudyTestBase.expect(400, "request.field-missing", () -> StudyInputs.date("to", null));
    }

    @Test
    public void textsAreTrimmedAndBounded() {
        assertEquals("学习", StudyInputs.text("title", "  学习 ", 2, true));
        assertNull(StudyInputs.text("topic", "   ", 10, false));
        StudyTestBase.expect(400, "request.field-missing", () -> StudyInputs.text("title", "\t", 10, true));
        StudyTestBase.expect(400, "request.field-invalid", () -> StudyInputs.text("title", "abc", 2, true));
    }

    @Test
    public void idsAreDistinctSortedAndBounded() {
        assertEquals(List.of(3L, 5L), StudyInputs.ids("ids", List.of(5L, 3L, 5L), 3));
        assertEquals(List.of(), StudyInputs.ids("ids", null, 3));
        StudyTestBase.expect(400, "request.field-invalid", () -> StudyInputs.ids("ids", List.of(1L, 2L, 3L, 4L), 3));
        StudyTestBase.expect(400, "request.field-invalid", () -> StudyInputs.ids("ids", Arrays.asList(1L, null), 3));
    }

    @Test
    public void timesStayWithinTheCentury() {
        StudyTestBase.expect(400, "request.field-missing", () -> StudyInputs.time("startsAt", null));
        StudyTestBase.expect(400, "request.field-invalid",
                () -> StudyInputs.time("startsAt", Instant.parse("1999-12-31T23:59:59Z")));
        StudyTestBase.expect(400, "request.field-invalid", () -> StudyInputs.time("endsAt", Instant.MAX));
    }
}
