package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.UnitKind;

/** The demo records: only into empty tables, the same for the same seed, and every rule still holds over them. */
public class WelfareDemoDataTest extends WelfareTestBase {

    @Before
    public void demoMembers() {
        for (long id = 500; id < 560; id++) {
            long unit = id % 3 == 0 ? 10 : id % 3 == 1 ? 20 : 30;
            member(id, unit, LocalDate.of(2005 + (int) (id % 15), 3, 1),
                    id % 7 == 0 ? "model-worker" : id % 5 == 0 ? "veteran" : id % 2 == 0 ? "single" : "female");
        }
        directory.unit(40, "GROUP", "小组", UnitKind.GROUP, 10L);
    }

    private List<Long> caseMembers() {
        return jpa.txExpr(em -> em.createQuery("select c.memberId from HardshipCaseEntity c order by c.id", Long.class)
                .getResultList());
    }

    @Test
    public void loadsOnceIntoEmptyTablesTheSameForTheSameSeed() {
        WelfareDemoData demo = new WelfareDemoData(jpa, directory, audit, clock);
        String loaded = demo.load(2024L);
        assertNotNull(loaded);
        assertTrue(audit.lines.toString(), audit.lines.contains("ok welfare.demo.load null"));
        List<Long> first = caseMembers();
        assertEquals(18, first.size());
        assertNull("never over records already there", demo.load(2024L));
        assertEquals(1, audit.lines.size());

        // the demo's figures obey the rules: balances, small cells, an allocated trip with reasons
        FundReportDTO report = hardship.report(UNION_ADMIN, TODAY.getYear());
        assertTrue(report.funds().get(0).balance().signum() > 0);
        assertTrue(report.rows().stream().allMatch(r -> r.cases() == null || r.cases() >= 5));
        TripService trips = new TripService(jpa, directory, access, audit, clock);
        TripDTO allocated = trips.list(UNION_ADMIN, 0, 10).items().stream().filter(t -> t.seed() != null).findFirst().get();
        assertTrue(trips.roster(UNION_ADMIN, allocated.id()).stream().allMatch(r -> r.reason() != null));

        jpa.clear("WELFARE_CASE_STEP", "WELFARE_CASE", "WELFARE_FUND_INCOME", "WELFARE_VISIT", "WELFARE_TRIP_SIGNUP",
                "WELFARE_TRIP_QUOTA", "WELFARE_TRIP", "WELFARE_EVENT_SIGNUP", "WELFARE_EVENT");
        assertNotNull(demo.load(2024L));
        assertEquals(first, caseMembers());
    }

    @Test
    public void withoutADemoMembershipNothingIsLoaded() {
        directory.members.clear();
        assertNull(new WelfareDemoData(jpa, directory, audit, clock).load(1L));
    }
}
