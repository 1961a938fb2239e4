package cn.edu.cumt.union.itests.reliability;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.itests.Fixtures;
import cn.edu.cumt.union.itests.Rest;

/**
 * The study plugin's writes for the crash check: members of unit CRC check in to one session after
 * another, each 2xx remembered as (session, staff number), to be found in the attendance after a restart.
 */
final class CheckIns {

    static final int MEMBERS = 3;
    private static final int SESSIONS = 40;

    private final List<Long> sessions = new ArrayList<>();
    private final Map<Long, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Rest> members = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    CheckIns(Rest anonymous, Rest operator) {
        long unit = Fixtures.unit(operator, "CRC");
        Fixtures.importMembers(operator, "CC0001,签到甲,M,1980-01-02,13500000001,cc1@cumt.edu.cn,CRC,ACTIVE,\n"
                + "CC0002,签到乙,F,1981-01-02,13500000002,cc2@cumt.edu.cn,CRC,ACTIVE,\n"
                + "CC0003,签到丙,M,1982-01-02,13500000003,cc3@cumt.edu.cn,CRC,ACTIVE,\n");
        for (int m = 1; m <= MEMBERS; m++) {
            String staffNo = "CC000" + m;
            members.put(staffNo, anonymous.withToken(anonymous.login(Fixtures.account(operator, staffNo, null), Fixtures.PASSWORD)));
        }
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        for (int s = 0; s < SESSIONS; s++) {
            Rest.Reply created = operator.post("/api/study/sessions", Map.of("title", "崩溃签到 " + s, "startsAt",
                    start.toString(), "endsAt", start.plusSeconds(7200).toString(), "organiserUnitId", unit,
                    "targetUnitIds", List.of(unit)));
            if (created.status() != 201) {
                throw new AssertionError("study session: " + created);
            }
            long id = created.json().path("id").asLong();
            sessions.add(id);
            codes.put(id, operator.get("/api/study/sessions/" + id + "/code").json().path("code").asText());
        }
    }

    /** One writer per member, session after session, until {@code running} turns false. */
    List<Future<?>> start(ExecutorService pool, AtomicBoolean running, Figures figures) {
        List<Future<?>> writers = new ArrayList<>();
        members.forEach((staffNo, member) -> writers.add(pool.submit(() -> {
            for (long session : sessions) {
                if (!running.get()) {
                    return;
                }
                figures.inc("writes sent");
                try {
                    Rest.Reply reply = member.post("/api/study/sessions/" + session + "/check-in", Map.of("code", codes.get(session)));
                    if (reply.status() / 100 == 2) {
                        acknowledged.add(session + "/" + staffNo);
                    } else if (reply.status() >= 500) {
                        figures.inc("5xx");
                    }
                } catch (RuntimeException noAnswer) {
                    figures.inc("writes unanswered");
                }
            }
        })));
        return writers;
    }

    int acknowledged() {
        return acknowledged.size();
    }

    /** The acknowledged check-ins the attendance sheets do not show after the restart. */
    List<String> lost(Rest admin) {
        List<String> lost = new ArrayList<>();
        for (long session : sessions) {
            JsonNode sheet = admin.get("/api/study/sessions/" + session + "/attendance").json();
            Set<String> attended = ConcurrentHashMap.newKeySet();
            for (JsonNode row : sheet.path("rows")) {
                if (!row.path("attendance").isNull() && !row.path("attendance").isMissingNode()) {
                    attended.add(session + "/" + row.path("staffNo").asText());
                }
            }
            for (String checkIn : acknowledged) {
                if (checkIn.startsWith(session + "/") && !attended.contains(checkIn)) {
                    lost.add(checkIn);
                }
            }
        }
        return lost;
    }
}
