package cn.edu.cumt.union.plugin.honours.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.directory.MemberStatus;

/** The demo honours: written once into empty tables, the same for the same seed, usable by the rules. */
public class HonoursDemoDataTest extends HonoursTestBase {

    @Test
    public void loadsOnceDeterministicallyAndTheRulesWorkOnIt() {
        for (long id = 400; id < 420; id++) {
            directory.member(id, id % 2 == 0 ? 10 : 20, MemberStatus.ACTIVE);
        }
        int written = HonoursDemoData.load(42, jpa, directory, audit, clock);
        assertTrue(written > 10);
        assertTrue(audit.lines.toString(), audit.lines.stream().anyMatch(l -> l.contains("honours.demo.load")));
        List<String> first = names();
        assertEquals("not over existing records", 0, HonoursDemoData.load(42, jpa, directory, audit, clock));
        jpa.clear("HONOURS_OBJECTION", "HONOURS_STEP", "HONOURS_NOMINATION", "HONOURS_QUOTA", "HONOURS_CATEGORY",
                "HONOURS_CALL");
        assertEquals(written, HonoursDemoData.load(42, jpa, directory, audit, clock));
        assertEquals("the same seed, the same records", first, names());
        PageDTOCheck.assertCalls(honours.calls(MEMBER, null, 0, 50).items());
        // The union can check a demo nomination waiting for it.
        NominationDTO waiting = honours.nominations(UNION_ADMIN, null, NominationStatus.SUBMITTED, 0, 50).items().get(0);
        assertEquals(NominationStatus.RETURNED, honours.review(UNION_ADMIN, waiting.id(),
                new ReviewDTO(Decision.RETURN, "请补充材料")).status());
        assertTrue("last year's honours are in the record of who got them", honours.calls(MEMBER, 2025, 0, 50).items()
                .get(0).status() == CallStatus.FINAL);
    }

    private List<String> names() {
        return honours.nominations(UNION_ADMIN, null, null, 0, 500).items().stream()
                .map(n -> n.callTitle() + "/" + n.nomineeName() + "/" + n.status()).sorted().toList();
    }

    /** What a member sees of the demo calls. */
    static final class PageDTOCheck {
        static void assertCalls(List<CallDTO> calls) {
            assertEquals(3, calls.size());
            assertTrue(calls.toString(), calls.stream().anyMatch(c -> c.title().contains("师德模范")));
        }
    }
}
