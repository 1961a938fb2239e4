package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

/** Events: who is invited, own sign-up and opt-out, socials listed only to their organisers. */
public class EventServiceTest extends WelfareTestBase {

    EventService events;

    @Before
    public void setUpEvents() {
        events = new EventService(jpa, directory, access, audit, clock);
        member(203, 10, LocalDate.of(2018, 1, 1), "single", "female");
        member(205, 10, LocalDate.of(2018, 1, 1), "female");
        member(207, 20, LocalDate.of(2018, 1, 1), "single");
    }

    private EventDTO event(EventKind kind, long unit, List<String> categories, Integer capacity) {
        return events.create(unit == 1 ? UNION_ADMIN : CS_ADMIN, new EventEditDTO(kind, "青年职工联谊会", null, "南湖校区",
                T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(3)), unit, categories, capacity));
    }

    @Test
    public void membersOptInThemselvesAndOutAtAnyTimeForASocial() {
        long id = event(EventKind.SOCIAL, 1, List.of("single"), null).id();
        assertTrue(events.signUp(MEMBER, id).mine());
        assertTrue(events.signUp(MATH_MEMBER, id).mine());
        expect(404, "welfare.event.not-found", () -> events.signUp(OTHER_MEMBER, id)); // not single: not invited
        expect(403, "welfare.members-only", () -> events.signUp(UNION_ADMIN, id));
        clock.now = T0.plus(Duration.ofDays(3)); // after the event
        events.optOut(MEMBER, id);
        assertFalse(events.get(UNION_ADMIN, id).signedUp() == 2);
        events.optOut(MEMBER, id); // once more: nothing left to remove
        expect(409, "welfare.event.started", () -> events.signUp(MEMBER, id));
    }

    @Test
    public void aSocialsSignUpsAreListedAndCountedOnlyToItsOrganisers() {
        long id = event(EventKind.SOCIAL, 10, List.of("single"), null).id();
        events.signUp(MEMBER, id);
        assertEquals(1, events.signups(CS_ADMIN, id).size());
        assertEquals(1, events.signups(UNION_ADMIN, id).size());
        expect(404, "welfare.event.not-found", () -> events.signups(MATH_ADMIN, id));
        expect(403, "welfare.event.organisers-only", () -> events.signups(MEMBER, id));
        assertNull("a member does not learn how many signed up for a social", events.get(MEMBER, id).signedUp());
        assertEquals(Integer.valueOf(1), events.get(CS_ADMIN, id).signedUp());
        expect(404, "welfare.event.not-found", () -> events.get(MATH_MEMBER, id)); // unit 20 is not invited
    }

    @Test
    public void lecturesCloseAtTheStartAndKeepTheirCapacity() {
        long id = event(EventKind.LECTURE, 10, List.of("female"), 1).id();
        events.signUp(MEMBER, id);
        assertEquals(Integer.valueOf(1), events.get(OTHER_MEMBER, id).signedUp());
        expect(409, "welfare.event.full", () -> events.signUp(OTHER_MEMBER, id));
        clock.now = T0.plus(Duration.ofDays(2));
        expect(409, "welfare.event.started", () -> events.optOut(MEMBER, id));
        assertEquals(List.of(id), events.list(MEMBER, 0, 50).items().stream().map(EventDTO::id).toList());
        assertTrue(events.list(MATH_MEMBER, 0, 50).items().isEmpty());
    }

    @Test
    public void onlyAnOrganiserUnitsAdminCreates() {
        expect(403, "welfare.unit-not-managed", () -> events.create(MATH_ADMIN, new EventEditDTO(EventKind.SALON, "沙龙",
                null, null, T0.plusSeconds(3600), T0.plusSeconds(7200), 10L, null, null)));
        expect(400, "request.field-invalid", () -> events.create(CS_ADMIN, new EventEditDTO(EventKind.SALON, "沙龙",
                null, null, T0.plusSeconds(3600), T0.plusSeconds(3600), 10L, null, null)));
        expect(400, "request.field-missing", () -> events.create(CS_ADMIN, new EventEditDTO(null, "沙龙",
                null, null, T0.plusSeconds(3600), T0.plusSeconds(7200), 10L, null, null)));
    }
}
