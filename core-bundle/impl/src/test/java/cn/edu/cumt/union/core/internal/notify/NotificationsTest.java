package cn.edu.cumt.union.core.internal.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.edu.cumt.union.api.notify.NotificationChannel;
import cn.edu.cumt.union.api.notify.NotificationDTO;
import cn.edu.cumt.union.api.notify.Notice;
import cn.edu.cumt.union.api.notify.Recipient;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.auth.AccountEntity;
import cn.edu.cumt.union.core.internal.member.MemberEntity;
import cn.edu.cumt.union.core.internal.org.TestDatabase;
import cn.edu.cumt.union.core.internal.org.TestTree;

/**
 * Notifications on the real Felix coordinator and the real Aries RESOURCE_LOCAL JpaTemplate over
 * EclipseLink and Derby: the "plugin" has a JpaTemplate of its own (another persistence unit name,
 * so another entity manager in the same coordination, as a plugin has in Karaf).
 */
public class NotificationsTest {

    private TestDatabase db;
    private TestTree tree;
    private JpaTemplate pluginJpa;
    private NotificationStore store;
    private Dispatcher dispatcher;
    private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
    private NotificationsImpl study;
    private NotificationsImpl csPlugin;
    private long alice;
    private long bob;
    private long carol;
    private long operator;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.fresh();
        tree = new TestTree(db);
        RealJpa real = new RealJpa(db);
        JpaTemplate coreJpa = real.template("union-core");
        pluginJpa = real.template("union-plugin");
        dispatcher = new Dispatcher(Duration.ofMillis(20));
        dispatcher.addChannel(new NotificationChannel() {
            @Override
            public String id() {
                return "recording";
            }

            @Override
            public void send(NotificationDTO notice, Recipient recipient) {
                sent.add(recipient.name() + ": " + notice.title() + " / " + notice.body());
            }
        });
        store = new NotificationStore(coreJpa, dispatcher, java.time.Clock.systemUTC());
        AfterCommit afterCommit = real.afterCommit();
        study = new NotificationsImpl(store, afterCommit, "study", null);
        csPlugin = new NotificationsImpl(store, afterCommit, "csclub", "CS");
        alice = member("1001", "Alice", tree.cs.id());
        bob = member("1002", "Bob", tree.csG1.id());
        carol = member("1003", "Carol", tree.math.id());
        operator = db.txExpr(em -> {
            AccountEntity account = new AccountEntity("ops", null, Instant.now());
            em.persist(account);
            em.flush();
            return account.getId();
        });
    }

    @After
    public void tearDown() {
        dispatcher.deactivate();
    }

    private long member(String staffNo, String name, long unitId) {
        return db.txExpr(em -> {
            MemberEntity member = new MemberEntity(staffNo, name, unitId, Instant.now());
            member.setEmail(staffNo + "@cumt.edu.cn");
            em.persist(member);
            em.flush();
            return member.getId();
        });
    }

    private static UnionPrincipal memberPrincipal(long accountId, long memberId) {
        return new UnionPrincipal(accountId, "m" + memberId, memberId, null, Set.of(Roles.MEMBER), Set.of(), "s");
    }

    private PageDTO<NotificationDTO> inboxOf(long memberId) {
        return store.inbox(memberPrincipal(-1, memberId), false, 0, 50);
    }

    /** Rows in the inbox table as another thread (another connection, no coordination) sees them. */
    private long rowsSeenFromOutside() throws Exception {
        long[] count = new long[1];
        Thread reader = new Thread(() -> {
            EntityManager em = db.emf.createEntityManager();
            try {
                count[0] = em.createQuery("select count(n) from NotificationEntity n", Long.class).getSingleResult();
            } finally {
                em.close();
            }
        });
        reader.start();
        reader.join();
        return count[0];
    }

    /** The channel's next delivery; a marker sent afterwards proves that nothing came before it. */
    private String nextSent() throws InterruptedException {
        String next = sent.poll(10, TimeUnit.SECONDS);
        assertNotNull("the channel got nothing", next);
        return next;
    }

    private void assertNothingSentBeforeAMarker() throws Exception {
        study.toMembers(List.of(carol), Notice.of("marker", null, null));
        assertEquals("Carol: marker / null", nextSent());
    }

    @Test
    public void aNoticeIsWrittenOnlyOnceThePluginsTransactionCommits() throws Exception {
        long[] duringTransaction = new long[1];
        pluginJpa.tx(em -> {
            em.createNativeQuery("update UNION_UNIT set NAME_EN = 'x' where CODE = 'CS'").executeUpdate();
            study.toMembers(List.of(alice), Notice.of("您的提案已答复", "Your proposal was answered", "/study/sessions/1"));
            try {
                duringTransaction[0] = rowsSeenFromOutside();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertEquals("nothing in the inbox before the commit", 0, inboxOf(alice).total());
        });
        assertEquals(0, duringTransaction[0]);
        PageDTO<NotificationDTO> inbox = inboxOf(alice);
        assertEquals(1, inbox.total());
        NotificationDTO notice = inbox.items().get(0);
        assertEquals("study", notice.source());
        assertEquals("您的提案已答复", notice.title());
        assertEquals("/study/sessions/1", notice.link());
        assertNull(notice.readAt());
        assertEquals("Alice: 您的提案已答复 / Your proposal was answered", nextSent());
    }

    @Test
    public void aRolledBackTransactionSendsNothing() throws Exception {
        assertThrows(RuntimeException.class, () -> pluginJpa.tx(em -> {
            em.createNativeQuery("update UNION_UNIT set NAME_EN = 'y' where CODE = 'CS'").executeUpdate();
            study.toMembers(List.of(alice), Notice.of("never", "rolled back", null));
            throw new IllegalStateException("the plugin fails after notifying");
        }));
        assertEquals(0, inboxOf(alice).total());
        assertEquals(0, rowsSeenFromOutside());
        assertNothingSentBeforeAMarker();
    }

    @Test
    public void nestedCallsWaitForTheOutermostTransaction() throws Exception {
        assertThrows(RuntimeException.class, () -> pluginJpa.tx(outer -> {
            pluginJpa.tx(inner -> study.toMembers(List.of(alice), Notice.of("inner", null, null)));
            assertEquals("the inner call's end is not the commit", 0, inboxOf(alice).total());
            throw new IllegalStateException("the outer transaction rolls back");
        }));
        assertEquals(0, inboxOf(alice).total());
        assertNothingSentBeforeAMarker();

        pluginJpa.tx(outer -> pluginJpa.tx(inner -> study.toMembers(List.of(alice), Notice.of("inner", null, null))));
        assertEquals(1, inboxOf(alice).total());
    }

    @Test
    public void outsideATransactionANoticeIsWrittenAtOnce() {
        study.toMembers(List.of(alice, alice, bob), Notice.of("直接", null, null));
        assertEquals("duplicates count once", 1, inboxOf(alice).total());
        assertEquals(1, inboxOf(bob).total());
    }

    @Test
    public void aUnitPluginReachesOnlyMembersOfItsUnitAndTheUnitsBelow() throws Exception {
        csPlugin.toMembers(List.of(alice, bob), Notice.of("本单位", null, null));
        assertEquals(1, inboxOf(alice).total());
        assertEquals("a sub-unit's member", 1, inboxOf(bob).total());

        ApiException other = assertThrows(ApiException.class,
                () -> csPlugin.toMembers(List.of(alice, carol), Notice.of("越界", null, null)));
        assertEquals(400, other.status());
        assertEquals("notify.recipient-unknown", other.code());
        ApiException unknown = assertThrows(ApiException.class,
                () -> csPlugin.toMembers(List.of(999_999L), Notice.of("x", null, null)));
        assertEquals("an unknown id answers like another unit's", other.code(), unknown.code());
        assertEquals("the refused call sent to nobody", 1, inboxOf(alice).total());
        assertEquals(0, inboxOf(carol).total());
        assertThrows(ApiException.class, () -> csPlugin.toMembers(java.util.Arrays.asList(alice, null), Notice.of("x", null, null)));
    }

    @Test
    public void aUnitPluginReachesNoOperatorAndNoOtherUnitsAccount() throws Exception {
        long carolsAccount = db.txExpr(em -> {
            AccountEntity account = new AccountEntity("1003", carol, Instant.now());
            em.persist(account);
            em.flush();
            return account.getId();
        });
        assertThrows(ApiException.class, () -> csPlugin.toAccount(operator, Notice.of("x", null, null)));
        assertThrows(ApiException.class, () -> csPlugin.toAccount(carolsAccount, Notice.of("x", null, null)));
        assertThrows(ApiException.class, () -> study.toAccount(123_456L, Notice.of("x", null, null)));

        study.toAccount(operator, Notice.of("给运维", null, null));
        UnionPrincipal ops = new UnionPrincipal(operator, "ops", null, null, Set.of(Roles.OPERATOR), Set.of(), "s");
        assertEquals(1, store.unread(ops));
        study.toAccount(carolsAccount, Notice.of("给会员账号", null, null));
        assertEquals("a member's account notice lands in the member's inbox", 1, inboxOf(carol).total());
        assertEquals("the operator does not see it", 1, store.unread(ops));
    }

    /** A unit's administrators: granted on the unit or above it, never another unit's; a unit plugin only within reach. */
    @Test
    public void aUnitsAdministratorsAreTold() throws Exception {
        account("1001", alice, Roles.UNIT_ADMIN, tree.cs.id());
        account("1003", carol, Roles.UNIT_ADMIN, tree.math.id());
        study.toUnitAdmins(tree.csG1.id(), Notice.of("交办", null, "/study/x"));
        assertEquals("a grant on the unit above covers the group", 1, inboxOf(alice).total());
        assertEquals("another unit's administrator is not told", 0, inboxOf(carol).total());
        study.toUnitAdmins(tree.math.id(), Notice.of("交办", null, null));
        assertEquals(1, inboxOf(carol).total());

        ApiException unknown = assertThrows(ApiException.class, () -> study.toUnitAdmins(999_999L, Notice.of("x", null, null)));
        assertEquals("notify.recipient-unknown", unknown.code());
        ApiException outside = assertThrows(ApiException.class, () -> csPlugin.toUnitAdmins(tree.math.id(), Notice.of("x", null, null)));
        assertEquals("a unit plugin cannot reach another unit's administrators", unknown.code(), outside.code());
        csPlugin.toUnitAdmins(tree.cs.id(), Notice.of("本单位", null, null));
        assertEquals(2, inboxOf(alice).total());
        assertEquals(1, inboxOf(carol).total());
    }

    private long account(String username, long memberId, String role, long unitId) {
        return db.txExpr(em -> {
            AccountEntity account = new AccountEntity(username, memberId, Instant.now());
            em.persist(account);
            em.flush();
            em.persist(new cn.edu.cumt.union.core.internal.auth.RoleGrantEntity(account.getId(), role, unitId));
            em.flush();
            return account.getId();
        });
    }

    @Test
    public void membersSeeAndMarkOnlyTheirOwnNotices() {
        study.toMembers(List.of(alice), Notice.of("one", null, null));
        study.toMembers(List.of(alice), Notice.of("two", null, null));
        UnionPrincipal alicePrincipal = memberPrincipal(1, alice);
        UnionPrincipal bobPrincipal = memberPrincipal(2, bob);
        long first = store.inbox(alicePrincipal, false, 0, 50).items().get(1).id();

        assertEquals(0, store.inbox(bobPrincipal, false, 0, 50).total());
        assertEquals(0, store.unread(bobPrincipal));
        ApiException notHers = assertThrows(ApiException.class, () -> store.markRead(bobPrincipal, first));
        assertEquals(404, notHers.status());
        assertEquals(0, store.markAllRead(bobPrincipal));
        assertEquals("Bob's tries changed nothing", 2, store.unread(alicePrincipal));

        assertNotNull(store.markRead(alicePrincipal, first).readAt());
        assertEquals(1, store.unread(alicePrincipal));
        assertEquals(1, store.inbox(alicePrincipal, true, 0, 50).total());
        assertEquals("two", store.inbox(alicePrincipal, false, 0, 1).items().get(0).title());
        assertEquals(1, store.markAllRead(alicePrincipal));
        assertEquals(0, store.unread(alicePrincipal));
    }

    @Test
    public void aConfidentialNoticeCarriesNoContentAnywhere() throws Exception {
        study.toMembers(List.of(alice), new Notice("困难帮扶申请已受理", "张三的病情 …", "/welfare/cases/7", true));
        NotificationDTO stored = inboxOf(alice).items().get(0);
        assertEquals(Notice.CONFIDENTIAL_TITLE, stored.title());
        assertEquals(Notice.CONFIDENTIAL_BODY, stored.body());
        assertEquals("/welfare/cases/7", stored.link());
        String delivered = nextSent();
        assertFalse(delivered, delivered.contains("困难") || delivered.contains("张三"));
        long leaks = db.txExpr(em -> (Long) em.createQuery(
                "select count(n) from NotificationEntity n where n.title like '%困难%' or n.body like '%张三%'").getSingleResult());
        assertEquals(0, leaks);
    }

    interface Send {
        void send(NotificationDTO notice) throws Exception;
    }

    private static NotificationChannel channel(String id, Send send) {
        return new NotificationChannel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void send(NotificationDTO notice, Recipient recipient) throws Exception {
                send.send(notice);
            }
        };
    }

    @Test
    public void aFailingChannelIsTriedAgainAndTheInboxKeepsItsCopy() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
        dispatcher.addChannel(channel("flaky", notice -> {
            if (calls.incrementAndGet() < 3) {
                throw new java.io.IOException("server down");
            }
            delivered.add(notice.id());
        }));
        study.toMembers(List.of(alice), Notice.of("重试", null, null));
        assertEquals("the inbox has it before any channel succeeded", 1, inboxOf(alice).total());
        Long id = delivered.poll(10, TimeUnit.SECONDS);
        assertEquals(Long.valueOf(inboxOf(alice).items().get(0).id()), id);
        assertEquals(3, calls.get());
    }

    @Test
    public void aChannelThatNeverSucceedsIsGivenUpAfterTheLastAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        dispatcher.addChannel(channel("down", notice -> {
            calls.incrementAndGet();
            throw new java.io.IOException("always down");
        }));
        study.toMembers(List.of(alice), Notice.of("放弃", null, null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.get() < Dispatcher.ATTEMPTS && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Dispatcher.ATTEMPTS, calls.get());
        assertEquals("the other channel is not held up", "Alice: 放弃 / null", nextSent());
    }

    @Test
    public void aNoticeRefusesLinksThatLeadOutOfThePlatform() {
        for (String link : List.of("https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/a\\b", "/a b", "")) {
            ApiException refused = assertThrows(link, ApiException.class, () -> Notice.of("t", null, link));
            assertEquals("request.field-invalid", refused.code());
        }
        assertThrows(ApiException.class, () -> Notice.of(" ", null, null));
        assertThrows(ApiException.class, () -> Notice.of("x".repeat(201), null, null));
        assertTrue(Notice.of("t", null, "/study/sessions/1?tab=a").link().startsWith("/study"));
    }
}
