package cn.edu.cumt.union.plugin.familyday.internal;

import static org.junit.Assert.assertEquals;
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
import cn.edu.cumt.union.testing.FakeNotifications;
import cn.edu.cumt.union.testing.PluginDatabase;

/** Sign-ups on the plugin's real schema: members of the unit only, once each, before the day. */
public class SignupServiceTest {

    private static final long UNIT = 7;
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private final UnionPrincipal admin = new UnionPrincipal(1, "admin", null, null, Set.of(Roles.UNIT_ADMIN), Set.of(UNIT), "s1");
    private final UnionPrincipal member = new UnionPrincipal(2, "m", 20L, UNIT, Set.of(Roles.MEMBER), Set.of(), "s2");
    private final UnionPrincipal outsider = new UnionPrincipal(3, "o", 30L, 99L, Set.of(Roles.MEMBER), Set.of(), "s3");
    private ActivityService activities;
    private SignupService signups;
    private FakeNotifications notifications;

    @Before
    public void setUp() throws Exception {
        PluginDatabase jpa = PluginDatabase.forPlugin("familyday");
        jpa.clear("FAMILYDAY_SIGNUP", "FAMILYDAY_ACTIVITY");
        // The directory as the platform shows it to this plugin: MINING and its members only.
        FakeDirectory directory = new FakeDirectory();
        directory.unit(UNIT, "MINING", "矿业工程学院", UnitKind.UNIT, null);
        directory.ownUnitId = UNIT;
        directory.member(20, UNIT, MemberStatus.ACTIVE);
        FakeAudit audit = new FakeAudit();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        activities = new ActivityService(jpa, directory, new FakeAccess(directory), audit, new FakeAttachments("familyday", jpa), clock);
        notifications = new FakeNotifications(directory, jpa, "MINING");
        signups = new SignupService(jpa, activities, directory, audit, notifications, clock);
    }

    @Test
    public void aMemberSignsUpOnceAndMayChangeIt() {
        long day = activities.create(admin, new ActivityEditDTO("家庭日", null, NOW.plusSeconds(86_400), "南湖")).id();
        signups.signUp(member, day, new SignupInputDTO(1, 2));
        SignupDTO changed = signups.signUp(member, day, new SignupInputDTO(1, 1));
        assertEquals(1, changed.children());
        assertEquals(1, signups.list(admin, day).size());
        assertEquals("会员20", signups.list(admin, day).get(0).memberName());
        signups.cancel(member, day);
        assertEquals(0, signups.list(admin, day).size());
        assertStatus(404, () -> signups.cancel(member, day));
        assertEquals("told once, on the first sign-up", 1, notifications.inbox(20).size());
        assertEquals("家庭日", notifications.inbox(20).get(0).body());
        assertEquals("/familyday/activities/" + day, notifications.inbox(20).get(0).link());
    }

    @Test
    public void membersOfOtherUnitsAndLateComersAreRefused() {
        long day = activities.create(admin, new ActivityEditDTO("家庭日", null, NOW.plusSeconds(86_400), null)).id();
        assertStatus(403, () -> signups.signUp(outsider, day, new SignupInputDTO(0, 0)));
        assertStatus(403, () -> signups.signUp(admin, day, new SignupInputDTO(0, 0)));
        long past = activities.create(admin, new ActivityEditDTO("去年家庭日", null, NOW.minusSeconds(60), null)).id();
        assertStatus(409, () -> signups.signUp(member, past, new SignupInputDTO(0, 0)));
        assertStatus(400, () -> signups.signUp(member, day, new SignupInputDTO(-1, 0)));
        assertStatus(400, () -> signups.signUp(member, day, new SignupInputDTO(0, 7)));
        assertStatus(404, () -> signups.signUp(member, 12345, new SignupInputDTO(0, 0)));
        assertStatus(404, () -> signups.list(outsider, day));
        assertEquals(0, signups.list(admin, day).size());
        assertEquals("refused sign-ups tell nobody", 0, notifications.inbox(20).size() + notifications.inbox(30).size());
    }

    private static void assertStatus(int status, Runnable call) {
        try {
            call.run();
            fail("expected " + status);
        } catch (ApiException e) {
            assertEquals(e.getMessage(), status, e.status());
        }
    }
}
