package cn.edu.cumt.union.itests.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import cn.edu.cumt.union.itests.Fixtures;
import cn.edu.cumt.union.itests.KarafProcess;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.Rest;

/**
 * Password guessing costs the guesser, not the account holder, exactly as the running configuration
 * says. A burst of wrong passwords from one source (127.0.0.1) is slowed, then locks the account for
 * that source, even with the right password; the real user, who logged in before from 127.0.0.2,
 * still logs in from there at once, and a spoofed X-Forwarded-For from 127.0.0.1 does not pass for
 * 127.0.0.2. Another account logs in throughout; a parallel burst locks a third account. A known
 * and an unknown name answer the same statuses at the same counts. One source trying many names is
 * slowed and then refused with 429 and Retry-After. No server error anywhere. Sources are loopback
 * addresses bound by {@link LoopbackClient} (Linux routes all of 127/8 to lo).
 */
public class BruteForceCheck {

    private static final String LOGIN = Rest.LOGIN_PATH;
    private static final int PARALLEL_THREADS = 8;

    private static final Figures FIGURES = new Figures("bruteforce");

    @ClassRule
    public static final RunningKaraf KARAF = new RunningKaraf("bruteforce", FIGURES);

    private static LoginLimitsConfig limits;
    private static Rest operator;

    private static KarafProcess karaf() {
        return KARAF.process();
    }

    @BeforeClass
    public static void accounts() throws Exception {
        limits = LoginLimitsConfig.of(karaf().home());
        FIGURES.note("configured", "per name: delay after " + limits.delayAfter() + ", lock after " + limits.lockAfter()
                + " for " + limits.lockMinutes() + " min; per source: delay after " + limits.sourceDelayAfter()
                + ", 429 after " + limits.sourceBlockAfter() + " for " + limits.sourceBlockMinutes() + " min");
        assertTrue("the checks below need a name to lock well before its source is refused",
                2 * limits.lockAfter() + 3 < limits.sourceBlockAfter());
        Rest rest = karaf().rest();
        operator = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Fixtures.unit(operator, "BFA");
        Fixtures.importMembers(operator, "BF0001,猜测甲,M,1980-01-02,13600000001,bf1@cumt.edu.cn,BFA,ACTIVE,\n"
                + "BF0002,旁观乙,F,1981-01-02,13600000002,bf2@cumt.edu.cn,BFA,ACTIVE,\n"
                + "BF0003,并发丙,M,1982-01-02,13600000003,bf3@cumt.edu.cn,BFA,ACTIVE,\n"
                + "BF0004,对照丁,F,1983-01-02,13600000004,bf4@cumt.edu.cn,BFA,ACTIVE,\n");
        for (String staffNo : List.of("BF0001", "BF0002", "BF0003", "BF0004")) {
            Fixtures.account(operator, staffNo, null);
        }
    }

    @Test
    public void aBurstLocksTheAccountForItsSourceButNotForTheRealUserAtTheirKnownSource() throws Exception {
        String target = "BF0001";
        LoopbackClient stranger = new LoopbackClient("127.0.0.1", karaf().rest().baseUrl());
        LoopbackClient home = new LoopbackClient("127.0.0.2", karaf().rest().baseUrl());
        assertEquals("the real user logs in from home first", 200, login(home, target, Fixtures.PASSWORD).status());

        Rest rest = karaf().rest();
        String bystander = "BF0002";
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_THREADS + 1);
        AtomicBoolean bursting = new AtomicBoolean(true);
        try {
            Future<List<Long>> bystanderLogins = pool.submit(() -> {
                List<Long> millis = new ArrayList<>();
                while (bursting.get() && millis.size() < 200) {
                    long start = System.nanoTime();
                    Rest.Reply reply = rest.post(LOGIN, Map.of("username", bystander, "password", Fixtures.PASSWORD));
                    assertEquals("the other account logs in during the burst: " + reply, 200, reply.status());
                    millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    Thread.sleep(300);
                }
                return millis;
            });

            List<String> timeline = new ArrayList<>();
            int lockedAt = -1;
            for (int attempt = 1; attempt <= limits.lockAfter() + 2; attempt++) {
                long start = System.nanoTime();
                LoopbackClient.Answer answer = login(stranger, target, "Wrong-Password-" + attempt);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                FIGURES.inc("requests");
                timeline.add(attempt + ":" + answer.status() + "/" + millis + "ms");
                assertTrue("no server error: " + answer, answer.status() < 500);
                if (attempt < limits.lockAfter()) {
                    assertEquals("attempt " + attempt + ": " + answer, 401, answer.status());
                    assertEquals("auth.invalid-credentials", Verdict.code(answer.reply()));
                } else {
                    assertEquals("attempt " + attempt + " (lock after " + limits.lockAfter() + "): " + answer, 423,
                            answer.status());
                    assertEquals("auth.locked", Verdict.code(answer.reply()));
                    assertRetryAfter(answer, limits.lockMinutes());
                    if (lockedAt < 0) {
                        lockedAt = attempt;
                    }
                }
                if (attempt <= limits.lockAfter()) {
                    long least = limits.delayBefore(attempt - 1);
                    assertTrue("attempt " + attempt + " must wait at least " + least + " ms, took " + millis, millis >= least);
                }
            }
            LoopbackClient.Answer right = login(stranger, target, Fixtures.PASSWORD);
            assertEquals("the right password is refused from the burst's source: " + right, 423, right.status());
            // the header is the client's own word from an untrusted peer (trusted.proxies is empty): ignored
            LoopbackClient.Answer spoofed = stranger.post(LOGIN, credentials(target, Fixtures.PASSWORD),
                    Map.of("X-Forwarded-For", home.source()));
            assertEquals("X-Forwarded-For from an untrusted peer changes nothing: " + spoofed, 423, spoofed.status());
            FIGURES.add("requests", 2);
            long start = System.nanoTime();
            LoopbackClient.Answer atHome = login(home, target, Fixtures.PASSWORD);
            long homeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("the real user logs in from their known source during the lock: " + atHome, 200, atHome.status());
            assertEquals("and their login does not lift the lock for the burst's source", 423,
                    login(stranger, target, Fixtures.PASSWORD).status());
            FIGURES.add("requests", 2);
            FIGURES.note("timeline", String.join(" ", timeline));
            FIGURES.note("lockout after attempts", Integer.toString(lockedAt));
            FIGURES.note("real user's login from the known source during the lock ms", Long.toString(homeMillis));

            // the same against a third account from many threads at once, from a third source
            LoopbackClient parallelSource = new LoopbackClient("127.0.0.3", karaf().rest().baseUrl());
            String parallelTarget = "BF0003";
            List<Future<Integer>> parallel = new ArrayList<>();
            for (int i = 0; i < 2 * limits.lockAfter(); i++) {
                int n = i;
                parallel.add(pool.submit(() -> login(parallelSource, parallelTarget, "Parallel-Wrong-" + n).status()));
            }
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (Future<Integer> status : parallel) {
                statuses.merge(status.get(2, TimeUnit.MINUTES), 1, Integer::sum);
            }
            FIGURES.add("requests", parallel.size());
            FIGURES.note("parallel burst statuses", statuses.toString());
            assertTrue("parallel burst: only 401 and 423, " + statuses,
                    statuses.keySet().stream().allMatch(s -> s == 401 || s == 423));
            assertEquals("the parallel burst locked the account", 423,
                    login(parallelSource, parallelTarget, Fixtures.PASSWORD).status());

            bursting.set(false);
            List<Long> bystanderMillis = bystanderLogins.get(2, TimeUnit.MINUTES);
            assertTrue("the bystander logged in during the burst", bystanderMillis.size() >= 2);
            FIGURES.add("bystander logins ok", bystanderMillis.size());
            FIGURES.note("bystander slowest login ms", Long.toString(bystanderMillis.stream().mapToLong(Long::longValue).max().orElse(0)));
        } finally {
            bursting.set(false);
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }

        // an administrator lifts the lock at once
        long account = operator.get("/api/accounts?q=" + target).json().path("items").get(0).path("id").asLong();
        assertEquals(200, operator.post("/api/accounts/" + account + "/unlock", Map.of()).status());
        assertEquals("unlocked by an administrator", 200, login(stranger, target, Fixtures.PASSWORD).status());
    }

    @Test
    public void aKnownAndAnUnknownNameAnswerTheSameStatusesAtTheSameCounts() {
        List<String> known = statuses(new LoopbackClient("127.0.0.4", karaf().rest().baseUrl()), "BF0004", "known name");
        List<String> unknown = statuses(new LoopbackClient("127.0.0.5", karaf().rest().baseUrl()), "BF9999", "unknown name");
        assertEquals("a real account and a name nobody has answer alike", known, unknown);
        assertEquals("423 auth.locked", known.get(limits.lockAfter() - 1));
    }

    @Test
    public void oneSourceTryingManyNamesIsSlowedThenRefusedWith429() {
        LoopbackClient source = new LoopbackClient("127.0.0.6", karaf().rest().baseUrl());
        List<String> timeline = new ArrayList<>();
        for (int attempt = 1; attempt <= limits.sourceBlockAfter(); attempt++) {
            long start = System.nanoTime();
            // a new name each time: no name's own count slows or locks these attempts
            LoopbackClient.Answer answer = login(source, "spray-" + attempt, "Sprayed-Password-1");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            timeline.add(attempt + ":" + answer.status() + "/" + millis + "ms");
            assertEquals("attempt " + attempt + ": " + answer, 401, answer.status());
            long least = limits.sourceDelayBefore(attempt - 1);
            assertTrue("attempt " + attempt + " must wait at least " + least + " ms, took " + millis, millis >= least);
        }
        FIGURES.add("requests", limits.sourceBlockAfter());
        long start = System.nanoTime();
        LoopbackClient.Answer refused = login(source, "BF0002", Fixtures.PASSWORD);
        long refusedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("a real account's right password is refused from the blocked source too: " + refused, 429, refused.status());
        assertEquals("auth.too-many-attempts", Verdict.code(refused.reply()));
        assertRetryAfter(refused, limits.sourceBlockMinutes());
        FIGURES.note("source timeline", String.join(" ", timeline));
        FIGURES.note("429 answered in ms", Long.toString(refusedMillis));
        // another source is untouched
        assertEquals(200, login(new LoopbackClient("127.0.0.7", karaf().rest().baseUrl()), "BF0002", Fixtures.PASSWORD).status());
        FIGURES.add("requests", 2);
    }

    /** What a client sees for lockAfter + 2 wrong passwords in a row. */
    private static List<String> statuses(LoopbackClient source, String username, String figure) {
        List<String> seen = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (int attempt = 1; attempt <= limits.lockAfter() + 2; attempt++) {
            long start = System.nanoTime();
            LoopbackClient.Answer answer = login(source, username, "Wrong-Password-" + attempt);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertTrue("no server error: " + answer, answer.status() < 500);
            seen.add(answer.status() + " " + Verdict.code(answer.reply()));
            FIGURES.inc("requests");
        }
        FIGURES.note(figure + " statuses", seen.toString());
        FIGURES.note(figure + " ms per attempt", millis.toString());
        return seen;
    }

    private static void assertRetryAfter(LoopbackClient.Answer answer, int minutes) {
        String retryAfter = answer.headers().get("retry-after");
        assertTrue("Retry-After on " + answer, retryAfter != null && retryAfter.matches("\\d+"));
        long seconds = Long.parseLong(retryAfter);
        assertTrue("Retry-After " + seconds + " s within " + minutes + " min", seconds >= 1 && seconds <= minutes * 60L);
    }

    private static Map<String, String> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    private static LoopbackClient.Answer login(LoopbackClient source, String username, String password) {
        return source.post(LOGIN, credentials(username, password));
    }
}
