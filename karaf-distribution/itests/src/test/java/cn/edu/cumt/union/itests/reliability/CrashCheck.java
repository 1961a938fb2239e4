package cn.edu.cumt.union.itests.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.itests.Fixtures;
import cn.edu.cumt.union.itests.KarafProcess;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.Rest;

/**
 * SIGKILL of the Karaf JVM while members are written one by one and imported by the file, then a
 * restart: every write answered 2xx is there, and every import is there whole or not at all.
 */
public class CrashCheck {

    private static final int WRITERS = 4;
    private static final int BATCH_ROWS = 25;
    /** Writes run this long before the kill, and at most this many per writer. */
    private static final Duration WRITING = Duration.ofSeconds(6);
    private static final int MAX_WRITES_PER_WRITER = 2_000;

    private static final Figures FIGURES = new Figures("crash");

    @ClassRule
    public static final RunningKaraf KARAF = new RunningKaraf("crash", FIGURES);

    private static KarafProcess karaf() {
        return KARAF.process();
    }

    /** bin/setenv's umask: the database, logs and secrets the platform writes are its user's alone. */
    @Test
    public void whatThePlatformWritesIsReadableByItsUserOnly() throws Exception {
        java.nio.file.Path data = karaf().home().resolve("data");
        List<String> open = new ArrayList<>();
        for (java.nio.file.Path path : List.of(data.resolve("derby"), data.resolve("log").resolve("karaf.log"),
                data.resolve("union"))) {
            if (!java.nio.file.Files.exists(path)) {
                continue;
            }
            try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(path)) {
                all.forEach(file -> {
                    try {
                        Set<java.nio.file.attribute.PosixFilePermission> permissions = java.nio.file.Files.getPosixFilePermissions(file);
                        for (java.nio.file.attribute.PosixFilePermission permission : permissions) {
                            if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS")) {
                                open.add(data.relativize(file) + " " + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
                                return;
                            }
                        }
                    } catch (java.io.IOException gone) {
                        // a file removed while walking (a log rolled over) holds nothing any more
                    }
                });
            }
        }
        assertTrue("readable by others: " + open.stream().limit(10).toList(), open.isEmpty());
    }

    @Test
    public void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Rest rest = karaf().rest();
        Rest operator = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        long unit = Fixtures.unit(operator, "CRA");
        CheckIns checkIns = new CheckIns(rest, operator);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Integer> batchesAcknowledged = ConcurrentHashMap.newKeySet();
        Set<Integer> batchesSent = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1 + CheckIns.MEMBERS);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int n = 0; running.get() && n < MAX_WRITES_PER_WRITER; n++) {
                        String staffNo = "CR" + writer + String.format("%04d", n);
                        FIGURES.inc("writes sent");
                        try {
                            Rest.Reply reply = operator.post("/api/members", Map.of("staffNo", staffNo, "name", "崩溃测试",
                                    "gender", "M", "unitId", unit, "status", "ACTIVE"));
                            if (reply.status() / 100 == 2) {
                                acknowledged.add(staffNo);
                            } else if (reply.status() >= 500) {
                                FIGURES.inc("5xx");
                            }
                        } catch (RuntimeException noAnswer) {
                            FIGURES.inc("writes unanswered");
                        }
                    }
                }));
            }
            writers.add(pool.submit(() -> {
                for (int batch = 0; running.get() && batch < 500; batch++) {
                    StringBuilder rows = new StringBuilder(Fixtures.MEMBER_HEADER);
                    for (int row = 0; row < BATCH_ROWS; row++) {
                        rows.append(String.format("CI%03d%02d,导入测试,F,1985-01-01,,,CRA,ACTIVE,%n", batch, row));
                    }
                    batchesSent.add(batch);
                    FIGURES.inc("imports sent");
                    try {
                        Rest.Reply reply = operator.upload("/api/members/import?format=csv&dryRun=false", Fixtures.CSV,
                                rows.toString().getBytes(StandardCharsets.UTF_8));
                        if (reply.status() == 200) {
                            batchesAcknowledged.add(batch);
                        } else if (reply.status() >= 500) {
                            FIGURES.inc("5xx");
                        }
                    } catch (RuntimeException noAnswer) {
                        FIGURES.inc("imports unanswered");
                    }
                }
            }));
            writers.addAll(checkIns.start(pool, running, FIGURES));
            Thread.sleep(WRITING.toMillis());
            long pid = karaf().jvm().pid();
            karaf().kill(() -> running.set(false));
            System.out.println("CrashCheck: SIGKILL of pid " + pid + " with " + acknowledged.size()
                    + " member writes and " + batchesAcknowledged.size() + " imports acknowledged");
            running.set(false);
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        assertTrue("the kill came while writes were answered", acknowledged.size() > 0 && batchesAcknowledged.size() > 0);
        assertTrue("the kill came while writes were in flight", FIGURES.get("writes unanswered") + FIGURES.get("imports unanswered") > 0);

        Duration restart = karaf().start();
        FIGURES.note("restart after kill (ms)", Long.toString(restart.toMillis()));
        Rest after = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Set<String> present = staffNumbers(after, unit);

        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(present);
        Map<Integer, Integer> rowsPerBatch = new HashMap<>();
        for (String staffNo : present) {
            if (staffNo.startsWith("CI")) {
                rowsPerBatch.merge(Integer.parseInt(staffNo.substring(2, 5)), 1, Integer::sum);
            }
        }
        List<String> halfWritten = new ArrayList<>();
        for (int batch : batchesSent) {
            int rows = rowsPerBatch.getOrDefault(batch, 0);
            if (batchesAcknowledged.contains(batch) ? rows != BATCH_ROWS : rows != 0 && rows != BATCH_ROWS) {
                halfWritten.add("batch " + batch + ": " + rows + " of " + BATCH_ROWS + " rows"
                        + (batchesAcknowledged.contains(batch) ? " (acknowledged)" : ""));
            }
        }
        List<String> checkInsLost = checkIns.lost(after);
        FIGURES.add("writes acknowledged", acknowledged.size() + (long) batchesAcknowledged.size() * BATCH_ROWS
                + checkIns.acknowledged());
        FIGURES.add("writes lost", lost.size() + halfWritten.size() + checkInsLost.size());
        FIGURES.add("check-ins acknowledged", checkIns.acknowledged());
        FIGURES.add("member writes acknowledged", acknowledged.size());
        FIGURES.add("imports acknowledged", batchesAcknowledged.size());
        FIGURES.add("imports half-written", halfWritten.size());
        assertEquals("acknowledged members lost: " + lost, 0, lost.size());
        assertEquals("imports not all-or-nothing: " + halfWritten, 0, halfWritten.size());
        assertEquals("acknowledged check-ins lost: " + checkInsLost, 0, checkInsLost.size());
        assertEquals("server errors while writing (see karaf().log of " + karaf().home() + ")", 0, FIGURES.get("5xx"));
        assertEquals(200, after.get("/api/health").status());
    }

    /** Every staff number of the unit's members, page by page. */
    private static Set<String> staffNumbers(Rest admin, long unit) {
        Set<String> staffNumbers = new HashSet<>();
        for (int offset = 0; offset < 1_000_000; offset += 500) {
            JsonNode page = admin.get("/api/members?unitId=" + unit + "&limit=500&offset=" + offset).json();
            page.path("items").forEach(member -> staffNumbers.add(member.path("staffNo").asText()));
            if (offset + 500 >= page.path("total").asInt()) {
                break;
            }
        }
        return staffNumbers;
    }
}
