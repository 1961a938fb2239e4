package cn.edu.cumt.union.plugin.study.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.edu.cumt.union.api.rest.RetryLater;

/**
 * Wrong check-in codes per member and session. A code has six digits: without a limit a member's
 * phone could try 30-45 a second (each an audit row) and find it within a session. After
 * {@link #MAX_WRONG} wrong codes the member waits {@link #PAUSE} before trying again for that session,
 * and the waiting attempts are neither checked nor audited. Other members and sessions are not
 * touched: nobody can lock anyone else out. In memory, per node: a restart forgets, which costs an
 * attacker nothing but gives them no more than {@code MAX_WRONG} guesses per pause either.
 */
final class CheckInAttempts {

    static final int MAX_WRONG = 5;
    static final Duration PAUSE = Duration.ofMinutes(10);
    /** Entries kept before the expired ones are swept: bounded memory whatever the traffic. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Wrong(int count, Instant last) {
    }

    private final Map<String, Wrong> wrong = new ConcurrentHashMap<>();

    /** Refuses (429) while the member's wrong codes for this session are at the limit and the pause lasts. */
    void check(long sessionId, long memberId, Instant now) {
        Wrong current = wrong.get(key(sessionId, memberId));
        if (current != null && current.count() >= MAX_WRONG) {
            if (now.isBefore(current.last().plus(PAUSE))) {
                throw new RetryLater(429, "study.check-in.too-many-attempts",
                        "签到码错误次数过多，请 " + PAUSE.toMinutes() + " 分钟后再试，或请组织者补录",
                        "Too many wrong codes: try again in " + PAUSE.toMinutes() + " minutes, or ask the organiser to record you",
                        Duration.between(now, current.last().plus(PAUSE)));
            }
            wrong.remove(key(sessionId, memberId), current);
        }
    }

    void failed(long sessionId, long memberId, Instant now) {
        if (wrong.size() > SWEEP_ABOVE) {
            wrong.values().removeIf(entry -> !now.isBefore(entry.last().plus(PAUSE)));
        }
        wrong.merge(key(sessionId, memberId), new Wrong(1, now),
                (old, one) -> new Wrong(now.isBefore(old.last().plus(PAUSE)) ? old.count() + 1 : 1, now));
    }

    void succeeded(long sessionId, long memberId) {
        wrong.remove(key(sessionId, memberId));
    }

    int tracked() {
        return wrong.size();
    }

    private static String key(long sessionId, long memberId) {
        return sessionId + ":" + memberId;
    }
}
