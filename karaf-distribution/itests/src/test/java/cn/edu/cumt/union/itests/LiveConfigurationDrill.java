package cn.edu.cumt.union.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What {@code LiveConfigurationIT} and the reliability suite's {@code LiveConfigurationCheck} do to a
 * running platform: while bystanders call the API at full speed, edit {@code etc/} through its files
 * (authentication, HTTP, organisation, plugins and study settings) round after round, and wait each
 * time until every new value is in force, through the API where it shows (a new login's lifetime,
 * the body limit, the study check-in window, the plugin review), else through the component's log
 * line; then an invalid edit, which must leave every old setting in force, and its correction.
 */
public final class LiveConfigurationDrill {

    public static final String AUTH = "cn.edu.cumt.union.auth";
    public static final String HTTP = "cn.edu.cumt.union.http";
    public static final String ORG = "cn.edu.cumt.union.org";
    public static final String PLUGINS = "cn.edu.cumt.union.plugins";
    public static final String STUDY = "cn.edu.cumt.union.study";
    static final CfgKey ABSOLUTE_HOURS = new CfgKey(AUTH, "session.absolute.hours");
    static final CfgKey IDLE_MINUTES = new CfgKey(AUTH, "session.idle.minutes");
    static final CfgKey MAX_BODY = new CfgKey(HTTP, "max.body.bytes");
    static final CfgKey ROOT_NAME_EN = new CfgKey(ORG, "root.name.en");
    static final CfgKey UPLOAD_REVIEW = new CfgKey(PLUGINS, "unit.upload.review");
    static final CfgKey CHECK_IN_WINDOW = new CfgKey(STUDY, "check.in.window.minutes");
    /** The body limit while it is small, and a login body above it. */
    private static final int SMALL_BODY_LIMIT = 2048;
    private static final String OVER_SMALL_LIMIT = "x".repeat(3000);
    private static final Duration APPLIED = Duration.ofSeconds(30);

    /** What a run did and saw. */
    public record Result(int edits, long requests, List<String> failures, String firstFailures, long slowestApplyMillis,
            int refusedEdits) {
    }

    private final Path home;
    private final Rest rest;
    private final byte[] unitPlugin;
    private final Path log;
    private long logStart;
    private Rest operator;
    private Rest member;
    private long session;
    private long slowest;

    /**
     * @param home       the Karaf home whose etc/ is edited
     * @param unitPlugin a unit plugin jar of unit MINING, uploaded while review is on
     */
    public LiveConfigurationDrill(Path home, Rest rest, byte[] unitPlugin) {
        this.home = home;
        this.rest = rest;
        this.unitPlugin = unitPlugin;
        this.log = home.resolve("data/log/karaf.log");
    }

    public Result run(int rounds, int clients) throws Exception {
        logStart = Files.size(log);
        operator = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        long mining = Fixtures.unit(operator, "MINING");
        Fixtures.importMembers(operator, "LC0001,李配,M,1980-01-01,13900000401,lc1@cumt.edu.cn,MINING,ACTIVE,\n");
        member = rest.withToken(rest.login(Fixtures.account(operator, "LC0001", mining), Fixtures.PASSWORD));
        // opens for check-in 40 minutes ahead, not 15: the window decides between 400 (wrong code) and 409 (not open)
        Instant start = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Rest.Reply created = operator.post("/api/study/sessions", Map.of("title", "配置热更新学习会", "topic", "理论学习",
                "place", "图书馆", "startsAt", start.toString(), "endsAt", start.plus(1, ChronoUnit.HOURS).toString(),
                "organiserUnitId", mining, "targetUnitIds", List.of(mining)));
        expect(created, 201, "study session");
        session = created.json().path("id").asLong();

        int edits = 0;
        Bystanders bystanders = new Bystanders(rest, clients, "live-config");
        try {
            for (int round = 0; round < rounds; round++) {
                boolean even = round % 2 == 0;
                int hours = even ? 5 : 7;
                settle();
                long written = System.nanoTime();
                ABSOLUTE_HOURS.write(home, Integer.toString(hours));
                MAX_BODY.write(home, even ? Integer.toString(SMALL_BODY_LIMIT) : Long.toString(20L << 20));
                ROOT_NAME_EN.write(home, "CUMT Staff Union " + round);
                UPLOAD_REVIEW.write(home, Boolean.toString(even));
                CHECK_IN_WINDOW.write(home, even ? "40" : "15");
                edits += 5;
                awaitLifetime(hours);
                Await.until("max.body.bytes in force", APPLIED, () -> (bodyProbe() == 413) == even);
                Await.until("check.in.window.minutes in force", APPLIED, () -> even ? checkInOpen() : checkInProbe() == 409);
                awaitLog(ORG, "applied in place", round + 1);
                awaitLog(PLUGINS, "applied in place", 2 * (round + 1)); // the installer and the unit databases
                slowest = Math.max(slowest, (System.nanoTime() - written) / 1_000_000);
            }
            reviewWhileOn();
            edits += 2;
            refusedWhole(rounds % 2 == 0 ? 7 : 5);
            edits += 3;
        } finally {
            bystanders.close();
        }
        return new Result(edits, bystanders.requests(), bystanders.failures(), bystanders.firstFailures(10), slowest, 2);
    }

    /** Review on: a unit administrator's upload is held (202), not installed; review off again. */
    private void reviewWhileOn() throws IOException {
        int before = count(PLUGINS, "applied in place");
        settle();
        UPLOAD_REVIEW.write(home, "true");
        awaitLog(PLUGINS, "applied in place", before + 2);
        Rest.Reply held = member.uploadForm("/api/plugins", "file", "unit-plugin.jar", unitPlugin);
        expect(held, 202, "upload while unit.upload.review=true");
        String pluginId = held.json().path("review").path("pluginId").asText();
        expect(operator.post("/api/plugin-reviews/" + pluginId + "/reject", Map.of()), 200, "reject");
        settle();
        UPLOAD_REVIEW.write(home, "false");
        awaitLog(PLUGINS, "applied in place", before + 4);
    }

    /**
     * An invalid value refuses the whole file, in each of the three components that read it: a valid
     * change in the same file does not apply either, until the invalid value is corrected.
     */
    private void refusedWhole(int hoursInForce) throws IOException {
        settle();
        IDLE_MINUTES.write(home, "0");
        awaitLog(AUTH, "NOT applied", 3);
        settle();
        ABSOLUTE_HOURS.write(home, "3");
        awaitLog(AUTH, "NOT applied", 6);
        long lifetime = lifetimeHours();
        if (lifetime != hoursInForce) {
            throw new AssertionError("a file with an invalid value was applied: a new session lasts " + lifetime
                    + " h, not " + hoursInForce + " h");
        }
        settle();
        IDLE_MINUTES.write(home, "30");
        awaitLifetime(3);
    }

    /**
     * Lets fileinstall finish with the file's last change before it changes again: it records a
     * file's state (time and size) after applying it, so a change that lands before that is taken
     * for the one already applied and never read. Longer than its poll (1 s, etc/config.properties).
     */
    private static void settle() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitLifetime(int hours) {
        Await.until("session.absolute.hours=" + hours + " in force", APPLIED, () -> lifetimeHours() == hours);
    }

    /** How long a session opened now lasts, in whole hours. */
    private long lifetimeHours() {
        Rest.Reply login = rest.post(Rest.LOGIN_PATH, Map.of("username", KarafSetup.ADMIN_USERNAME, "password",
                KarafSetup.ADMIN_PASSWORD));
        expect(login, 200, "login");
        Instant expires = Instant.parse(login.json().path("expiresAt").asText());
        return Math.round(Duration.between(Instant.now(), expires).toMinutes() / 60.0);
    }

    /** 413 while the body limit is small; else the login reads the body (and refuses it: 4xx). */
    private int bodyProbe() {
        int status = rest.post(Rest.LOGIN_PATH, Map.of("username", OVER_SMALL_LIMIT, "password", "nothing-at-all-1")).status();
        if (status / 100 != 4) {
            throw new AssertionError("a login with a long username answered " + status);
        }
        return status;
    }

    /** While check-in is open the probe's wrong code meets 400, or 429 once the member has tried too often. */
    private boolean checkInOpen() {
        int status = checkInProbe();
        return status == 400 || status == 429;
    }

    /** 400 (wrong code) or 429 (too many wrong codes) while check-in is open, 409 while the window has not opened yet. */
    private int checkInProbe() {
        return member.post("/api/study/sessions/" + session + "/check-in", Map.of("code", "no-such-code")).status();
    }

    private void awaitLog(String pid, String outcome, int times) {
        Await.until(times + " x 'Configuration " + pid + " " + outcome + "' in " + log, APPLIED,
                () -> count(pid, outcome) >= times);
    }

    /** How many times the core has logged this outcome for the pid since the drill began. */
    private int count(String pid, String outcome) throws IOException {
        String text;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(logStart, Files.size(log)));
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String line = "Configuration " + pid + " " + outcome;
        int found = 0;
        for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + line.length())) {
            found++;
        }
        return found;
    }

    private static void expect(Rest.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new AssertionError(what + ": expected " + status + ", got " + reply);
        }
    }
}
