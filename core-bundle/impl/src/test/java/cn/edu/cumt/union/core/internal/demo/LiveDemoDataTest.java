package cn.edu.cumt.union.core.internal.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.core.internal.config.LiveConfig;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.OrganisationService;
import cn.edu.cumt.union.core.internal.org.TestDatabase;

/** Turning demo.data on while the platform runs loads the demo at once, into an empty membership only. */
public class LiveDemoDataTest {

    private String karafData;
    private Path data;

    @Before
    public void dataFolder() throws Exception {
        karafData = System.getProperty("karaf.data");
        data = Files.createTempDirectory("union-demo");
        System.setProperty("karaf.data", data.toString());
    }

    @After
    public void restore() {
        if (karafData == null) {
            System.clearProperty("karaf.data");
        } else {
            System.setProperty("karaf.data", karafData);
        }
    }

    @Test
    public void switchingItOnLoadsOnceWithoutARestart() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        OrganisationService organisation = new OrganisationService(db, db.auditLog);
        organisation.ensureRoot("CUMT", "中国矿业大学工会", null);
        DemoUniversityMarker marker = new DemoUniversityMarker(null, 1L);
        DemoData demo = new DemoData(db, db.auditLog, LiveConfig.defaults(DemoData.Config.class), marker);
        assertEquals(0L, members(db));
        assertFalse("no demo university yet", marker.isPublished());

        demo.apply(LiveConfig.of(DemoData.Config.class, Map.of("demo_data", true)));
        long loaded = members(db);
        assertTrue("members: " + loaded, loaded >= 200);
        assertTrue(Files.exists(data.resolve(DemoAccounts.FILE)));
        assertTrue("plugins may now add their demo records", marker.isPublished());
        demo.apply(LiveConfig.of(DemoData.Config.class, Map.of("demo_data", true)));
        assertEquals("never twice", loaded, members(db));
        assertTrue(marker.isPublished());

        demo.apply(LiveConfig.of(DemoData.Config.class, Map.of("demo_data", false)));
        assertFalse("switched off: plugins' demo components stop", marker.isPublished());
        new DemoData(db, db.auditLog, LiveConfig.of(DemoData.Config.class, Map.of("demo_data", true)), marker);
        assertTrue("a restart with the demo university already there publishes it again", marker.isPublished());
    }

    /** Real members and demo.data=true: no demo load, and no plugin may put its demo records beside them. */
    @Test
    public void realDataIsNeverADemoUniversity() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        OrganisationService organisation = new OrganisationService(db, db.auditLog);
        organisation.ensureRoot("CUMT", "中国矿业大学工会", null);
        db.tx(em -> {
            long rootId = em.createQuery("select u.id from UnitEntity u", Long.class).getSingleResult();
            em.persist(new MemberEntity("20100001", "王强", rootId, Instant.now()));
        });
        DemoUniversityMarker marker = new DemoUniversityMarker(null, 1L);
        new DemoData(db, db.auditLog, LiveConfig.of(DemoData.Config.class, Map.of("demo_data", true)), marker);
        assertEquals(1L, members(db));
        assertFalse(marker.isPublished());
    }

    private static long members(TestDatabase db) {
        return db.txExpr(em -> em.createQuery("select count(m) from MemberEntity m", Long.class).getSingleResult());
    }
}
