package cn.edu.cumt.union.core.internal.auth;

import static cn.edu.cumt.union.core.internal.auth.AccountServiceTest.expect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.RetryLater;

/**
 * What a stranger can do with wrong passwords (defaults: an account or name locks after 10 failures
 * for 15 min, a source is blocked after 30 failures for 15 min), on a hand-moved clock: they slow
 * and lock themselves, never the real user at the place they log in from, and an unknown name
 * looks exactly like a real one.
 */
public class LoginAbuseTest extends WithInitialOperator {

    private static final String WRONG = "Wrong-Password-1";
    private static final String HOME = "198.51.100.10";
    private static final String STRANGER = "203.0.113.66";

    /** One attempt's answer as a client sees it: status, and for 423 when the lock lifts. */
    private String attempt(String username, String password, String source) {
        try {
            f.accounts.login(username, password, source);
            return "200";
        } catch (ApiException e) {
            return e.status() + (e.status() == 401 ? "" : " " + e.messageEn());
        }
    }

    private List<String> burst(String username, String source, int attempts) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            answers.add(attempt(username, WRONG, source));
        }
        return answers;
    }

    @Test
    public void unknownAndKnownNamesAnswerAlikeInStatusLockAndDelay() {
        f.sleeps.clear();
        List<String> known = burst("admin", "192.0.2.1", 12);
        List<Duration> knownSleeps = new ArrayList<>(f.sleeps);
        f.sleeps.clear();
        List<String> unknown = burst("nobody-at-all", "192.0.2.2", 12);
        assertEquals(known, unknown);
        assertEquals(knownSleeps, f.sleeps);
        assertEquals("401", known.get(8));
        assertTrue(known.get(9), known.get(9).startsWith("423 "));
        assertTrue(known.get(11), known.get(11).startsWith("423 "));

        // and after the lock lifts: slowed from the first attempt, locked again after as many failures
        f.clock.advance(Duration.ofMinutes(15));
        f.sleeps.clear();
        known = burst("admin", "192.0.2.3", 8);
        knownSleeps = new ArrayList<>(f.sleeps);
        f.sleeps.clear();
        assertEquals(known, burst("nobody-at-all", "192.0.2.4", 8));
        assertEquals(knownSleeps, f.sleeps);
        assertEquals(Duration.ofMillis(250), knownSleeps.get(0));
    }

    @Test
    public void disabledAccountsAndAccountsWithoutPasswordAnswerLikeUnknownNames() {
        long unit = f.unit("A", null);
        f.admin.createForMember(f.login("admin", AuthFixture.ADMIN_PASSWORD), f.member("20060001", unit));
        f.sleeps.clear();
        List<String> noPassword = burst("20060001", "192.0.2.5", 11);
        List<Duration> sleeps = new ArrayList<>(f.sleeps);
        f.sleeps.clear();
        assertEquals(noPassword, burst("20069999", "192.0.2.6", 11));
        assertEquals(sleeps, f.sleeps);
        assertTrue(noPassword.get(10), noPassword.get(10).startsWith("423 "));
    }

    @Test
    public void aStrangerLocksTheAccountButNotTheRealUserAtTheirKnownSource() {
        assertEquals("200", attempt("admin", AuthFixture.ADMIN_PASSWORD, HOME));
        List<String> stranger = burst("admin", STRANGER, 12);
        assertTrue(stranger.get(11), stranger.get(11).startsWith("423 "));
        // the stranger, even with the right password, stays out; the real user at home does not
        assertTrue(attempt("admin", AuthFixture.ADMIN_PASSWORD, STRANGER).startsWith("423 "));
        f.sleeps.clear();
        assertEquals("200", attempt("admin", AuthFixture.ADMIN_PASSWORD, HOME));
        assertEquals("the real user is not slowed by the stranger's failures", List.of(), f.sleeps);
        // their login did not lift the lock for the stranger, nor reset its count
        assertTrue(attempt("admin", AuthFixture.ADMIN_PASSWORD, STRANGER).startsWith("423 "));
        // a new source is a stranger too
        assertTrue(attempt("admin", AuthFixture.ADMIN_PASSWORD, "203.0.113.67").startsWith("423 "));
        // the real user mistyping at home is locked only after their own ten failures
        List<String> typos = burst("admin", HOME, 10);
        assertEquals("401", typos.get(8));
        assertTrue(typos.get(9), typos.get(9).startsWith("423 "));
    }

    @Test
    public void aGuesserAtTheRealUsersSourceIsStillLockedAfterTenFailures() {
        assertEquals("200", attempt("admin", AuthFixture.ADMIN_PASSWORD, HOME));
        List<String> sameSource = burst("admin", HOME, 11);
        assertEquals("401", sameSource.get(8));
        assertTrue(sameSource.get(9).startsWith("423 "));
        assertTrue(attempt("admin", AuthFixture.ADMIN_PASSWORD, HOME).startsWith("423 "));
        f.clock.advance(Duration.ofMinutes(15));
        assertEquals("200", attempt("admin", AuthFixture.ADMIN_PASSWORD, HOME));
    }

    @Test
    public void aSourceIsSlowedThenBlockedWhateverTheUsernamesAndOthersAreNot() {
        f.sleeps.clear();
        for (int i = 0; i < 30; i++) {
            String answer = attempt("name-" + i, WRONG, STRANGER); // a new name each time: no name lock helps
            assertEquals("attempt " + (i + 1), "401", answer);
        }
        // no delay for the first ten failures of the source, then 250 ms doubling up to 2 s
        assertEquals(20, f.sleeps.size());
        assertEquals(Duration.ofMillis(250), f.sleeps.get(0));
        assertEquals(Duration.ofMillis(500), f.sleeps.get(1));
        assertEquals(Duration.ofSeconds(2), f.sleeps.get(19));

        f.clock.advance(Duration.ofSeconds(60));
        int sleeps = f.sleeps.size();
        ApiException blocked = expect(429, "auth.too-many-attempts", () -> f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, STRANGER));
        assertEquals("blocked at once, with no hashing or delay", sleeps, f.sleeps.size());
        assertEquals(14 * 60, ((RetryLater) blocked).retryAfterSeconds());
        expect(429, "auth.too-many-attempts", () -> f.accounts.login("nobody", WRONG, STRANGER));

        // other sources log in, and their success does not lift the block
        assertEquals("200", attempt("admin", AuthFixture.ADMIN_PASSWORD, HOME));
        expect(429, "auth.too-many-attempts", () -> f.accounts.login("admin", AuthFixture.ADMIN_PASSWORD, STRANGER));
        List<String> audit = f.auditLines();
        assertEquals(1, audit.stream().filter(l -> l.startsWith("anonymous auth.source-blocked ok 30 failed logins")).count());

        // the block lifts by itself; then the source is slow from its first failure and blocked again sooner
        f.clock.advance(Duration.ofMinutes(14));
        f.sleeps.clear();
        assertEquals("200", attempt("admin", AuthFixture.ADMIN_PASSWORD, STRANGER));
        assertEquals(List.of(Duration.ofMillis(250)), f.sleeps);
        for (int i = 0; i < 20; i++) {
            assertEquals("401", attempt("again-" + i, WRONG, STRANGER));
        }
        expect(429, "auth.too-many-attempts", () -> f.accounts.login("again", WRONG, STRANGER));
    }

    @Test
    public void aSourcesFailuresAreForgottenAfterAQuietSpell() {
        for (int i = 0; i < 10; i++) {
            attempt("someone-" + i, WRONG, STRANGER); // new names: only the source's count grows
        }
        f.clock.advance(Duration.ofMinutes(14));
        f.sleeps.clear();
        attempt("someone-else", WRONG, STRANGER);
        assertEquals("still remembered within the spell", List.of(Duration.ofMillis(250)), f.sleeps);
        f.clock.advance(Duration.ofMinutes(15));
        f.sleeps.clear();
        for (int i = 0; i < 10; i++) {
            attempt("another-" + i, WRONG, STRANGER);
        }
        assertEquals("forgotten after 15 quiet minutes", List.of(), f.sleeps);
    }

    @Test
    public void countsInMemoryAreBounded() {
        FailureCounts counts = new FailureCounts(100, false);
        LoginLimits limits = new LoginLimits(3, 10, Duration.ofMinutes(15));
        for (int i = 0; i < 10; i++) {
            counts.fail("kept", limits, f.clock.instant());
        }
        assertNotNull(counts.lockedUntil("kept", limits, f.clock.instant()));
        for (int i = 0; i < 1_000; i++) {
            counts.fail("flood-" + i, limits, f.clock.instant());
            if (i % 50 == 0) {
                counts.lockedUntil("kept", limits, f.clock.instant()); // recently used: stays
            }
        }
        assertEquals(100, counts.size());
        assertNotNull(counts.lockedUntil("kept", limits, f.clock.instant()));
        assertEquals(0, counts.failures("flood-0", limits, f.clock.instant()));
    }
}
