package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeAudit;
import cn.edu.cumt.union.testing.FakeDirectory;
import cn.edu.cumt.union.testing.PluginDatabase;

/** The service on the plugin's real changelog and persistence unit (in-memory Derby). */
public class ActivityServiceTest {

    private static final long OWN_UNIT = 7;
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private final UnionPrincipal ownAdmin = new UnionPrincipal(1, "own-admin", null, null, Set.of(Roles.UNIT_ADMIN), Set.of(OWN_UNIT), "session-1");
    private final UnionPrincipal otherAdmin = new UnionPrincipal(2, "other-admin", null, null, Set.of(Roles.UNIT_ADMIN), Set.of(99L), "session-2");
    private ActivityService service;

    @Before
    public void setUp() throws Exception {
        PluginDatabase jpa = PluginDatabase.forPlugin("${pluginId}");
        jpa.clear("${pluginId.toUpperCase()}_ACTIVITY");
        // The directory as the platform shows it to a unit plugin: its own unit only.
        FakeDirectory directory = new FakeDirectory();
        directory.unit(OWN_UNIT, "${unitCode}", "本单位", UnitKind.UNIT, null);
        directory.ownUnitId = OWN_UNIT;
        service = new ActivityService(jpa, directory, new FakeAccess(directory), new FakeAudit(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    public void theUnitsAdministratorCreatesAndEveryoneReads() {
        ActivityDTO created = service.create(ownAdmin, new ActivityEditDTO("  家庭日  ", "亲子活动", NOW, "南湖操场"));
        assertEquals("家庭日", created.title());
        assertEquals("own-admin", created.createdBy());
        assertEquals(1, service.list(0, 50).total());
        assertEquals(created, service.get(created.id()));
    }

    @Test
    public void anotherUnitsAdministratorIsRefusedAndNothingIsStored() {
        try {
            service.create(otherAdmin, new ActivityEditDTO("家庭日", null, NOW, null));
            fail("another unit's administrator created an activity");
        } catch (ApiException refused) {
            assertEquals(404, refused.status());
        }
        assertTrue(service.list(0, 50).items().isEmpty());
    }

    @Test
    public void badInputIsA400() {
        assertStatus(400, () -> service.create(ownAdmin, new ActivityEditDTO(" ", null, NOW, null)));
        assertStatus(400, () -> service.create(ownAdmin, new ActivityEditDTO("x".repeat(201), null, NOW, null)));
        assertStatus(400, () -> service.create(ownAdmin, new ActivityEditDTO("家庭日", null, null, null)));
        assertStatus(400, () -> service.create(ownAdmin, null));
    }

    @Test
    public void deleteRemovesAndUnknownIdsAre404() {
        ActivityDTO created = service.create(ownAdmin, new ActivityEditDTO("家庭日", null, NOW, null));
        service.delete(ownAdmin, created.id());
        assertStatus(404, () -> service.get(created.id()));
        assertStatus(404, () -> service.delete(ownAdmin, created.id()));
    }

    private static void assertStatus(int status, Runnable call) {
        try {
            call.run();
            fail("expected " + status);
        } catch (ApiException e) {
            assertEquals(status, e.status());
        }
    }
}
