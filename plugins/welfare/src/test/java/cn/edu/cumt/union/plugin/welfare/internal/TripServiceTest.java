package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

/** Trips: quotas, eligibility from the directory, sign-up window, allocation and the final list. */
public class TripServiceTest extends WelfareTestBase {

    TripService trips;

    @Before
    public void setUpTrips() {
        trips = new TripService(jpa, directory, access, audit, clock);
    }

    private TripDTO trip(int csPlaces, List<String> eligible, int minYears) {
        return trips.create(UNION_ADMIN, new TripEditDTO("劳模疗休养", "杭州", TODAY.plusDays(30), TODAY.plusDays(35),
                TODAY.plusDays(10), List.of(new QuotaDTO(10L, csPlaces, null), new QuotaDTO(20L, 1, null)), eligible,
                minYears, List.of("model-worker")));
    }

    @Test
    public void eligibilityComesFromCategoriesJoinDateAndTheUnitsQuota() {
        member(301, 10, LocalDate.of(2010, 1, 1), "model-worker");
        member(302, 10, LocalDate.of(2024, 1, 1), "model-worker");
        member(303, 10, LocalDate.of(2010, 1, 1), "female");
        member(304, 30, LocalDate.of(2010, 1, 1), "model-worker");
        long id = trip(2, List.of("model-worker"), 5).id();
        assertEquals(TripResult.PENDING, trips.signUp(principal(301, 10), id).mySignup());
        assertEquals("signing up twice answers the first", TripResult.PENDING, trips.signUp(principal(301, 10), id).mySignup());
        expect(409, "welfare.trip.not-eligible", () -> trips.signUp(principal(302, 10), id)); // 2 years
        expect(409, "welfare.trip.not-eligible", () -> trips.signUp(principal(303, 10), id)); // not a model worker
        expect(409, "welfare.trip.not-eligible", () -> trips.signUp(principal(304, 30), id)); // no places for 30
        expect(403, "welfare.members-only", () -> trips.signUp(UNION_ADMIN, id));
        expect(403, "welfare.union-admin-only", () -> trips.create(CS_ADMIN, new TripEditDTO("t", "d", TODAY.plusDays(3),
                TODAY.plusDays(4), TODAY, List.of(new QuotaDTO(10L, 1, null)), null, null, null)));
    }

    @Test
    public void allocationRecordsSeedResultsAndReasonsAndIsReproducible() {
        for (long m = 401; m <= 406; m++) {
            member(m, 10, LocalDate.of(2015, 1, 1), m == 406 ? "model-worker" : "female");
        }
        member(407, 20, LocalDate.of(2015, 1, 1));
        long id = trip(3, List.of(), 0).id();
        for (long m = 401; m <= 406; m++) {
            trips.signUp(principal(m, 10), id);
        }
        trips.signUp(principal(407, 20), id);
        trips.cancel(principal(401, 10), id);
        expect(409, "welfare.trip.signup-open", () -> trips.allocate(UNION_ADMIN, id, new AllocateDTO(77L)));
        clock.now = Instant.parse("2026-03-21T01:00:00Z");
        expect(409, "welfare.trip.closed", () -> trips.signUp(principal(401, 10), id));
        expect(403, "welfare.union-admin-only", () -> trips.allocate(CS_ADMIN, id, new AllocateDTO(77L)));
        TripDTO allocated = trips.allocate(UNION_ADMIN, id, new AllocateDTO(77L));
        assertEquals(Long.valueOf(77L), allocated.seed());
        assertEquals("ALLOCATED", allocated.status());
        expect(409, "welfare.trip.allocated", () -> trips.allocate(UNION_ADMIN, id, new AllocateDTO(1L)));
        expect(409, "welfare.trip.allocated", () -> trips.cancel(principal(402, 10), id));

        List<TripListRowDTO> all = trips.roster(UNION_ADMIN, id);
        assertEquals(6, all.size());
        assertEquals(4, all.stream().filter(r -> r.result() == TripResult.SELECTED).count());
        TripListRowDTO modelWorker = all.stream().filter(r -> r.memberId() == 406).findFirst().get();
        assertEquals(TripResult.SELECTED, modelWorker.result());
        assertEquals(Integer.valueOf(1), modelWorker.position());
        assertTrue(all.stream().allMatch(r -> r.reason() != null && !r.reason().isBlank()));
        // the recorded seed redoes the draw: the same members are selected
        List<TripDraw.Entry> entries = all.stream().filter(r -> r.unitId() == 10)
                .map(r -> new TripDraw.Entry(r.memberId(), r.priorityCategory() == null ? 1 : 0, r.priorityCategory())).toList();
        List<Long> redone = TripDraw.allocate(entries, 3, allocated.seed(), 10L).stream()
                .filter(TripDraw.Outcome::selected).map(TripDraw.Outcome::memberId).sorted().toList();
        assertEquals(redone, all.stream().filter(r -> r.unitId() == 10 && r.result() == TripResult.SELECTED)
                .map(TripListRowDTO::memberId).sorted().toList());
        // each unit admin sees their own unit's list, members none
        assertTrue(trips.roster(MATH_ADMIN, id).stream().allMatch(r -> r.unitId() == 20));
        assertEquals(1, trips.roster(MATH_ADMIN, id).size());
        expect(403, "welfare.unit-admin-only", () -> trips.roster(MEMBER, id));
        assertEquals(TripResult.SELECTED, trips.get(principal(407, 20), id).mySignup());
        assertNull(trips.get(principal(401, 10), id).mySignup());
    }

    @Test
    public void inputIsChecked() {
        expect(400, "request.field-missing", () -> trips.create(UNION_ADMIN, new TripEditDTO("t", "d", TODAY.plusDays(3),
                TODAY.plusDays(4), TODAY, List.of(), null, null, null)));
        expect(400, "request.field-invalid", () -> trips.create(UNION_ADMIN, new TripEditDTO("t", "d", TODAY.plusDays(3),
                TODAY.plusDays(4), TODAY.plusDays(3), List.of(new QuotaDTO(10L, 1, null)), null, null, null)));
        expect(400, "request.field-invalid", () -> trips.create(UNION_ADMIN, new TripEditDTO("t", "d", TODAY.plusDays(3),
                TODAY.plusDays(4), TODAY, List.of(new QuotaDTO(1L, 1, null)), null, null, null)));
        expect(400, "request.field-invalid", () -> trips.create(UNION_ADMIN, new TripEditDTO("t", "d", TODAY.plusDays(3),
                TODAY.plusDays(4), TODAY, List.of(new QuotaDTO(10L, 1, null), new QuotaDTO(10L, 2, null)), null, null, null)));
        expect(400, "request.field-invalid", () -> trips.create(UNION_ADMIN, new TripEditDTO("t", "d", TODAY.plusDays(3),
                TODAY.plusDays(4), TODAY, List.of(new QuotaDTO(10L, 1, null)), List.of("Model Worker"), null, null)));
        expect(404, "welfare.trip.not-found", () -> trips.get(MEMBER, 999));
    }

    static cn.edu.cumt.union.api.security.UnionPrincipal principal(long memberId, long unitId) {
        return new cn.edu.cumt.union.api.security.UnionPrincipal(1000 + memberId, "S" + memberId, memberId, unitId,
                java.util.Set.of(cn.edu.cumt.union.api.security.Roles.MEMBER), java.util.Set.of(), "t" + memberId);
    }
}
