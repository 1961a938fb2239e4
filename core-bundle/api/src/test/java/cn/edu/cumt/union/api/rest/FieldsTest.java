package cn.edu.cumt.union.api.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** Field checks: every refusal is a 400 with one code per kind of mistake, naming the field. */
public class FieldsTest {

    private enum Colour { RED, GREEN }

    @Test
    public void datesMustBeIsoDaysWithinTheCentury() {
        assertEquals(LocalDate.of(2026, 3, 10), Fields.date("from", " 2026-03-10 "));
        expect("request.field-invalid", "from", () -> Fields.date("from", "2026/03/10"));
        expect("request.field-invalid", "from", () -> Fields.date("from", "2026-02-30"));
        expect("request.field-invalid", "from", () -> Fields.date("from", "1999-12-31"));
        expect("request.field-missing", "to", () -> Fields.date("to", (String) null));
    }

    @Test
    public void textsAreTrimmedAndBounded() {
        assertEquals("学习", Fields.text("title", "  学习 ", 2, true));
        assertNull(Fields.text("topic", "   ", 10, false));
        expect("request.field-missing", "title", () -> Fields.text("title", "\t", 10, true));
        expect("request.field-invalid", "title", () -> Fields.text("title", "abc", 2, true));
    }

    @Test
    public void idsAreDistinctSortedAndBounded() {
        assertEquals(List.of(3L, 5L), Fields.ids("ids", List.of(5L, 3L, 5L), 3));
        assertEquals(List.of(), Fields.ids("ids", null, 3));
        expect("request.field-invalid", "ids", () -> Fields.ids("ids", List.of(1L, 2L, 3L, 4L), 3));
        expect("request.field-invalid", "ids", () -> Fields.ids("ids", Arrays.asList(1L, null), 3));
    }

    @Test
    public void labelsAreTrimmedDistinctAndBounded() {
        assertEquals(List.of("cadre", "female"), Fields.labels("tags", List.of(" female", "cadre", "female "), 3, 10));
        expect("request.field-invalid", "tags", () -> Fields.labels("tags", List.of("a", "b", "c", "d"), 3, 10));
        expect("request.field-missing", "tags", () -> Fields.labels("tags", List.of(" "), 3, 10));
    }

    @Test
    public void timesNumbersYearsAndOptionsStayWithinTheirBounds() {
        expect("request.field-missing", "startsAt", () -> Fields.time("startsAt", null));
        expect("request.field-invalid", "startsAt", () -> Fields.time("startsAt", Instant.parse("1999-12-31T23:59:59Z")));
        expect("request.field-invalid", "endsAt", () -> Fields.time("endsAt", Instant.MAX));
        assertEquals(2026, Fields.year("year", 2026));
        expect("request.field-invalid", "year", () -> Fields.year("year", 1999));
        expect("request.field-missing", "score", () -> Fields.number("score", null, 0, 100));
        expect("request.field-invalid", "score", () -> Fields.number("score", 101, 0, 100));
        assertEquals(Colour.GREEN, Fields.option("colour", " green ", Colour.class));
        assertNull(Fields.option("colour", "", Colour.class));
        expect("request.field-invalid", "colour", () -> Fields.option("colour", "blue", Colour.class));
        expect("request.field-missing", "(body)", () -> Fields.body(null));
    }

    private static void expect(String code, String field, Runnable call) {
        try {
            call.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(code, e.code());
            assertTrue("names the field: " + e.messageEn(), e.messageEn().contains(field));
        }
    }
}
