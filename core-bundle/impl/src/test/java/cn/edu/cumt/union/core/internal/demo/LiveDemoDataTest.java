package cn.edu.cumt.union.core.internal.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.core.internal.config.LiveConfig;
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
        DemoData demo = new DemoData(db, organisation, db.auditLog, LiveConfig.defaults(DemoData.Config.class));
        assertEquals(0L, members(db));

        demo.apply(LiveConfig.of(DemoData.Config.class, Map.of("demo_data", true)));
        long loaded = members(db);
        assertTrue("members: " + loaded, loaded >= 200);
        assertTrue(Files.exists(data.resolve(DemoAccounts.FILE)));
        demo.apply(LiveConfig.of(DemoData.Config.class, Map.of("demo_data", true)));
        assertEquals("never twice", loaded, members(db));
    }

    private static long members(TestDatabase db) {
        return db.txExpr(em -> em.createQuery("select count(m) from MemberEntity m", Long.class).getSingleResult());
    }
}
