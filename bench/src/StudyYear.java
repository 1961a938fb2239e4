import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year of political study on the running platform, the way CUMT's units run it: every unit holds
 * a session for its own staff every {@code monthsApart} months of {@code year}, and about 70 % of the
 * expected members attend (recorded as 补录, the manual attendance endpoint). Then the yearly
 * attendance report for all units is fetched {@code reportRounds} times and timed.
 *
 * <p>Args: baseUrl token year monthsApart reportRounds. Prints one line per figure, "key value", for
 * bench/run. Units are those of kind UNIT below the root (bench/run created them with the members).
 * Bounded: every request has a timeout, the work is a fixed number of requests on 4 threads.
 */
public final class StudyYear {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern UNIT = Pattern.compile("\\{\"id\":(\\d+),\"code\":\"[^\"]*\",\"name\":\"[^\"]*\",\"nameEn\":[^,]*,\"kind\":\"UNIT\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;

    private StudyYear(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        StudyYear bench = new StudyYear(args[0], args[1]);
        int year = Integer.parseInt(args[2]);
        int monthsApart = Integer.parseInt(args[3]);
        int reportRounds = Integer.parseInt(args[4]);
        bench.run(year, monthsApart, reportRounds);
    }

    private void run(int year, int monthsApart, int reportRounds) throws Exception {
        List<Long> units = new ArrayList<>();
        Matcher unit = UNIT.matcher(get("/api/units"));
        while (unit.find()) {
            units.add(Long.parseLong(unit.group(1)));
        }
        AtomicLong sessions = new AtomicLong();
        AtomicLong attendances = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (long unitId : units) {
            work.add(pool.submit(() -> {
                List<Long> members = memberIds(unitId);
                for (int month = 1; month <= 12; month += monthsApart) {
                    Instant starts = LocalDate.of(year, month, 15).atTime(6, 0).toInstant(ZoneOffset.UTC);
                    String created = send("POST", "/api/study/sessions", String.format(
                            "{\"title\":\"%d年%d月政治理论学习\",\"topic\":\"理论学习\",\"place\":\"学院会议室\",\"startsAt\":\"%s\","
                                    + "\"endsAt\":\"%s\",\"organiserUnitId\":%d,\"targetUnitIds\":[%d]}",
                            year, month, starts, starts.plusSeconds(5400), unitId, unitId), 201);
                    Matcher id = ID.matcher(created);
                    id.find();
                    long sessionId = Long.parseLong(id.group(1));
                    sessions.incrementAndGet();
                    // a deterministic ~70 % of the unit's members attend
                    List<Long> attending = new ArrayList<>();
                    for (long member : members) {
                        if ((member * 31 + month) % 10 < 7) {
                            attending.add(member);
                        }
                    }
                    for (int from = 0; from < attending.size(); from += 5000) {
                        List<Long> chunk = attending.subList(from, Math.min(attending.size(), from + 5000));
                        send("PUT", "/api/study/sessions/" + sessionId + "/attendance",
                                "{\"memberIds\":" + chunk.toString().replace(" ", "") + "}", 200);
                        attendances.addAndGet(chunk.size());
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();
        long loadMs = (System.nanoTime() - started) / 1_000_000;
        System.out.println("units " + units.size());
        System.out.println("sessions " + sessions.get());
        System.out.println("attendances " + attendances.get());
        System.out.println("load_ms " + loadMs);
        long[] reportMs = new long[reportRounds];
        for (int round = 0; round < reportRounds; round++) {
            long t0 = System.nanoTime();
            String report = get("/api/study/report?from=" + year + "-01-01&to=" + year + "-12-31");
            reportMs[round] = (System.nanoTime() - t0) / 1_000_000;
            if (!report.contains("\"units\"")) {
                throw new IllegalStateException("unexpected report: " + report.substring(0, Math.min(200, report.length())));
            }
        }
        System.out.println("report_ms " + Arrays.toString(reportMs).replaceAll("[\\[\\] ]", ""));
    }

    /** The ids of the unit's members, page by page (500 at a time, the API's largest page). */
    private List<Long> memberIds(long unitId) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0;; offset += 500) {
            String page = get("/api/members?unitId=" + unitId + "&status=ACTIVE&limit=500&offset=" + offset);
            int items = page.indexOf("\"items\"");
            Matcher id = ID.matcher(page.substring(items));
            int found = 0;
            while (id.find()) {
                ids.add(Long.parseLong(id.group(1)));
                found++;
            }
            if (found < 500) {
                return ids;
            }
        }
    }

    private String get(String path) throws Exception {
        return send("GET", path, null, 200);
    }

    private String send(String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }
}
