package cn.edu.cumt.union.plugin.familyday.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.testing.FakeAccess;
import cn.edu.cumt.union.testing.FakeAttachments;
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
    private FakeAttachments attachments;
    private FakeDirectory directory;

    @Before
    public void setUp() throws Exception {
        PluginDatabase jpa = PluginDatabase.forPlugin("familyday");
        jpa.clear("FAMILYDAY_SIGNUP", "FAMILYDAY_ACTIVITY");
        // The directory as the platform shows it to a unit plugin: its own unit only.
        directory = new FakeDirectory();
        directory.unit(OWN_UNIT, "MINING", "本单位", UnitKind.UNIT, null);
        directory.ownUnitId = OWN_UNIT;
        attachments = new FakeAttachments("familyday", jpa);
        service = new ActivityService(jpa, directory, new FakeAccess(directory), new FakeAudit(), attachments,
                Clock.fixed(NOW, ZoneOffset.UTC));
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
        attachments.add(ActivityService.ATTACHMENT_TYPE, Long.toString(created.id()), "程序单.pdf", "application/pdf", 10);
        service.delete(ownAdmin, created.id());
        assertStatus(404, () -> service.get(created.id()));
        assertStatus(404, () -> service.delete(ownAdmin, created.id()));
        assertTrue("its files went with it", attachments.list(ActivityService.ATTACHMENT_TYPE, Long.toString(created.id())).isEmpty());
    }

    @Test
    public void membersOfTheUnitSeeAnActivitysFilesAndOnlyItsManagersChangeThem() {
        ActivityDTO created = service.create(ownAdmin, new ActivityEditDTO("家庭日", null, NOW, null));
        String id = Long.toString(created.id());
        directory.member(40, OWN_UNIT, MemberStatus.ACTIVE);
        UnionPrincipal member = new UnionPrincipal(4, "m", 40L, OWN_UNIT, Set.of(Roles.MEMBER), Set.of(), "s4");
        UnionPrincipal stranger = new UnionPrincipal(5, "s", 50L, 99L, Set.of(Roles.MEMBER), Set.of(), "s5");
        ActivityFiles files = new ActivityFiles(service);
        assertTrue(files.maySee(member, "activity", id));
        assertFalse(files.mayChange(member, "activity", id));
        assertTrue(files.mayChange(ownAdmin, "activity", id));
        assertFalse("a member the directory does not show", files.maySee(stranger, "activity", id));
        assertFalse(files.maySee(otherAdmin, "activity", id));
        assertFalse(files.mayChange(otherAdmin, "activity", id));
        assertFalse("no such activity", files.maySee(ownAdmin, "activity", "999999"));
        assertFalse("another record type", files.maySee(ownAdmin, "signup", id));
        assertFalse(files.maySee(ownAdmin, "activity", "0" + id));
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
