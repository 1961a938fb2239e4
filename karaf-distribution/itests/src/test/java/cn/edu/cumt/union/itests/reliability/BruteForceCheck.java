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

import org.junit.ClassRule;
import org.junit.Test;

import cn.edu.cumt.union.itests.Fixtures;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.Rest;

/**
 * A burst of wrong passwords against one account is slowed, then locks it, exactly as the running
 * configuration says; the right password is refused while it is locked; another account logs in
 * throughout; a parallel burst against a third account locks it too, with no server error.
 */
public class BruteForceCheck {

    private static final String LOGIN = Rest.LOGIN_PATH;
    private static final int PARALLEL_THREADS = 8;

    private static final Figures FIGURES = new Figures("bruteforce");

    @ClassRule
    public static final RunningKaraf KARAF = new RunningKaraf("bruteforce", FIGURES);

    private static KarafProcess karaf() {
        return KARAF.process();
    }

    @Test
    public void wrongPasswordsSlowThenLockOneAccountOnly() throws Exception {
        LoginLimitsConfig limits = LoginLimitsConfig.of(karaf().home());
        FIGURES.note("configured", "delay after " + limits.delayAfter() + ", lock after " + limits.lockAfter() + " for "
                + limits.lockMinutes() + " min");
        Rest rest = karaf().rest();
        Rest operator = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Fixtures.unit(operator, "BFA");
        Fixtures.importMembers(operator, "BF0001,猜测甲,M,1980-01-02,13600000001,bf1@cumt.edu.cn,BFA,ACTIVE,\n"
                + "BF0002,旁观乙,F,1981-01-02,13600000002,bf2@cumt.edu.cn,BFA,ACTIVE,\n"
                + "BF0003,并发丙,M,1982-01-02,13600000003,bf3@cumt.edu.cn,BFA,ACTIVE,\n");
        String target = Fixtures.account(operator, "BF0001", null);
        String bystander = Fixtures.account(operator, "BF0002", null);
        String parallelTarget = Fixtures.account(operator, "BF0003", null);

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_THREADS + 1);
        AtomicBoolean bursting = new AtomicBoolean(true);
        try {
            Future<List<Long>> bystanderLogins = pool.submit(() -> {
                List<Long> millis = new ArrayList<>();
                while (bursting.get() && millis.size() < 200) {
                    long start = System.nanoTime();
                    Rest.Reply reply = login(rest, bystander, Fixtures.PASSWORD);
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
                Rest.Reply reply = login(rest, target, "Wrong-Password-" + attempt);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                FIGURES.inc("requests");
                timeline.add(attempt + ":" + reply.status() + "/" + millis + "ms");
                assertTrue("no server error: " + reply, reply.status() < 500);
                if (attempt < limits.lockAfter()) {
                    assertEquals("attempt " + attempt + ": " + reply, 401, reply.status());
                    assertEquals("auth.invalid-credentials", Verdict.code(reply));
                } else {
                    assertEquals("attempt " + attempt + " (lock after " + limits.lockAfter() + "): " + reply, 423, reply.status());
                    assertEquals("auth.locked", Verdict.code(reply));
                    if (lockedAt < 0) {
                        lockedAt = attempt;
                    }
                }
                if (attempt <= limits.lockAfter()) {
                    long least = limits.delayBefore(attempt - 1);
                    assertTrue("attempt " + attempt + " must wait at least " + least + " ms, took " + millis, millis >= least);
                }
            }
            Rest.Reply right = login(rest, target, Fixtures.PASSWORD);
            assertEquals("the right password is refused while locked: " + right, 423, right.status());
            FIGURES.inc("requests");
            FIGURES.note("timeline", String.join(" ", timeline));
            FIGURES.note("lockout after attempts", Integer.toString(lockedAt));

            // the same against a third account from many threads at once
            List<Future<Integer>> parallel = new ArrayList<>();
            for (int i = 0; i < 2 * limits.lockAfter(); i++) {
                int n = i;
                parallel.add(pool.submit(() -> login(rest, parallelTarget, "Parallel-Wrong-" + n).status()));
            }
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (Future<Integer> status : parallel) {
                statuses.merge(status.get(2, TimeUnit.MINUTES), 1, Integer::sum);
            }
            FIGURES.add("requests", parallel.size());
            FIGURES.note("parallel burst statuses", statuses.toString());
            assertTrue("parallel burst: only 401 and 423, " + statuses,
                    statuses.keySet().stream().allMatch(s -> s == 401 || s == 423));
            assertEquals("the parallel burst locked the account", 423, login(rest, parallelTarget, Fixtures.PASSWORD).status());

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
        long account = operator.get("/api/accounts?q=BF0001").json().path("items").get(0).path("id").asLong();
        assertEquals(200, operator.post("/api/accounts/" + account + "/unlock", Map.of()).status());
        assertEquals("unlocked by an administrator", 200, login(rest, target, Fixtures.PASSWORD).status());
    }

    private static Rest.Reply login(Rest rest, String username, String password) {
        return rest.post(LOGIN, Map.of("username", username, "password", password));
    }
}
