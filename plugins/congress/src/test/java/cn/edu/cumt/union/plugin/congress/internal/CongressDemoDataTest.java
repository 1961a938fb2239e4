package cn.edu.cumt.union.plugin.congress.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberStatus;

/** The demo records: only into empty tables, deterministic, at every stage, audited. */
public class CongressDemoDataTest extends CongressTestBase {

    private List<String> proposers() {
        return jpa.txExpr(em -> em.createQuery("select p.proposerName from CongressProposalEntity p order by p.id",
                String.class).getResultList());
    }

    @Test
    public void loadsOnceIntoEmptyTablesTheSameEveryTime() {
        for (long id = 300; id < 320; id++) {
            directory.member(id, 10 + (id % 3) * 10, MemberStatus.ACTIVE);
        }
        CongressDemoData demo = new CongressDemoData(jpa, directory, audit, 42, clock);
        assertEquals("the test base made a session: not empty", 0, demo.load());
        jpa.clear("CONGRESS_TRANSITION", "CONGRESS_RATING", "CONGRESS_SECONDER", "CONGRESS_PROPOSAL_UNIT",
                "CONGRESS_PROPOSAL", "CONGRESS_DELEGATE", "CONGRESS_SESSION");
        assertEquals(CongressDemoData.PROPOSALS.length, demo.load());
        assertEquals(0, demo.load());
        List<String> first = proposers();
        assertTrue(audit.lines.stream().anyMatch(l -> l.contains("congress.demo.load")));
        long session = congress.sessions(0, 10).items().get(0).id();
        StatisticsDTO stats = congress.statistics(session);
        assertEquals(11, stats.total());
        assertTrue(stats.satisfactionRate().signum() > 0);
        assertFalse("one is overdue", congress.overdueList(UNION_ADMIN, session).isEmpty());
        EvaluationDTO evaluation = evaluations.evaluation(UNION_ADMIN, TODAY.getYear());
        assertEquals(Integer.valueOf(1), evaluation.rows().get(0).rank());

        jpa.clear("CONGRESS_SCORE", "CONGRESS_CRITERION", "CONGRESS_SHEET", "CONGRESS_TRANSITION", "CONGRESS_RATING",
                "CONGRESS_SECONDER", "CONGRESS_PROPOSAL_UNIT", "CONGRESS_PROPOSAL", "CONGRESS_DELEGATE",
                "CONGRESS_SESSION");
        new CongressDemoData(jpa, directory, audit, 42, clock).load();
        assertEquals("deterministic", first, proposers());
    }
}
