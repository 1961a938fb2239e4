package cn.edu.cumt.union.core.internal.org;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.core.internal.config.LiveConfig;

/** The root's settings change in place; a bad value keeps the old ones; the first start creates the configured root. */
public class LiveOrganisationSettingsTest {

    private static OrganisationService.Config config(Map<String, ?> values) {
        return LiveConfig.of(OrganisationService.Config.class, values);
    }

    @Test
    public void theConfiguredRootIsCreatedAndAChangeAppliesWithoutTouchingIt() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        OrganisationService organisation = new OrganisationService(db, null, db.auditLog,
                config(Map.of("root_code", "ROOT1", "root_name", "根")));
        assertEquals("ROOT1", organisation.list(false).get(0).code());

        organisation.modified(config(Map.of("root_code", "ROOT2", "root_name", "新根", "root_name_en", " ")));
        assertEquals(new OrganisationService.Root("ROOT2", "新根", null), organisation.root());
        // the tree is not empty: the existing root stays as it is (it is renamed through the API)
        assertEquals(1, organisation.list(false).size());
        assertEquals("ROOT1", organisation.list(false).get(0).code());
    }

    @Test
    public void anInvalidValueKeepsTheOldSettingsWhole() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        OrganisationService organisation = new OrganisationService(db, null, db.auditLog, config(Map.of()));
        OrganisationService.Root before = organisation.root();
        assertEquals("CUMT", before.code());
        organisation.modified(config(Map.of("root_code", "bad code", "root_name", "改了")));
        assertSame(before, organisation.root());
        organisation.modified(config(Map.of("root_name", " ")));
        assertSame(before, organisation.root());
    }

    @Test
    public void invalidSettingsAtStartGiveTheDefaultRoot() throws Exception {
        TestDatabase db = TestDatabase.fresh();
        OrganisationService organisation = new OrganisationService(db, null, db.auditLog, config(Map.of("root_code", "")));
        assertEquals("CUMT", organisation.list(false).get(0).code());
    }
}
