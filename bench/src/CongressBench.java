import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A congress session on the running platform through its API: 20 units, 400 delegates, 300 proposals
 * each taken the whole way (draft, two seconders invited and seconding, submit, the delegation head's
 * check, the committee's acceptance for a lead department, its answer, three ratings: 11 requests), on
 * 4 client threads; then the session's statistics (JSON and xlsx), the public list and the task lists.
 *
 * <p>Args: baseUrl adminPassword. Prints "key value" lines. Every request has a timeout; the work is a
 * fixed number of requests.
 */
public final class CongressBench {

    private static final String PASSWORD = "Bench-Pass-2026";
    private static final int UNITS = 20;
    private static final int PER_UNIT = 20;
    private static final int PROPOSALS = 300;
    private static final int PROPOSERS_PER_UNIT = 3;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, List<Long>> LATENCIES = new ConcurrentHashMap<>();

    private final String base;

    private CongressBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) {
        try {
            new CongressBench(args[0]).run(args[1]);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the client threads are not daemons
        }
        System.exit(0);
    }

    private void run(String adminPassword) throws Exception {
        String admin = login("admin", adminPassword);
        String rootBody = call("GET", "/api/units", admin, null, 200);
        long root = firstId(rootBody);
        List<Long> units = new ArrayList<>();
        for (int u = 1; u <= UNITS; u++) {
            String code = String.format("CB%02d", u);
            units.add(firstId(call("POST", "/api/units", admin, "{\"code\":\"" + code + "\",\"name\":\"测试学院" + u
                    + "\",\"nameEn\":\"Bench unit " + u + "\",\"parentId\":" + root + "}", 201)));
        }
        StringBuilder csv = new StringBuilder("工号,姓名,性别,出生日期,手机,邮箱,单位代码,状态,类别\n");
        String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
        String[] given = { "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛" };
        for (int i = 0; i < UNITS * PER_UNIT; i++) {
            csv.append(String.format("CB%04d,%s%s%s,%s,1980-01-01,139%08d,cb%d@cumt.edu.cn,CB%02d,ACTIVE,\n", i + 1,
                    surnames[i % 10], given[i % 12], given[(i / 12) % 12], i % 2 == 0 ? "M" : "F", i, i,
                    i / PER_UNIT + 1));
        }
        long t = System.nanoTime();
        raw("POST", "/api/members/import?format=csv&dryRun=false", admin, "text/csv; charset=UTF-8", csv.toString(), 200);
        System.out.println("members.import.ms " + ms(t));
        Map<String, Long> memberIds = new HashMap<>();
        String page = call("GET", "/api/members?q=CB&limit=500", admin, null, 200);
        Matcher m = Pattern.compile("\"id\":(\\d+),\"staffNo\":\"(CB\\d{4})\"").matcher(page);
        while (m.find()) {
            memberIds.put(m.group(2), Long.valueOf(m.group(1)));
        }
        if (memberIds.size() != UNITS * PER_UNIT) {
            throw new IllegalStateException("members found: " + memberIds.size());
        }
        long[] member = new long[UNITS * PER_UNIT];
        for (int i = 0; i < member.length; i++) {
            member[i] = memberIds.get(String.format("CB%04d", i + 1));
        }
        // accounts: 3 proposers, a head and a unit admin per unit; a committee member; a union admin
        t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<Integer, String> tokens = new ConcurrentHashMap<>();
        List<Future<?>> jobs = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            for (int k = 0; k < PROPOSERS_PER_UNIT + 2; k++) {
                int index = u * PER_UNIT + k;
                Long adminOf = k == PROPOSERS_PER_UNIT + 1 ? units.get(u) : null;
                // one at a time: concurrent POST /api/accounts/members met a Derby lock timeout (500) in the core
                tokens.put(index, account(admin, member[index], index, adminOf, null));
            }
        }
        int committee = UNITS * PER_UNIT - 1;
        int unionAdmin = UNITS * PER_UNIT - 2;
        tokens.put(committee, account(admin, member[committee], committee, null, null));
        tokens.put(unionAdmin, account(admin, member[unionAdmin], unionAdmin, null, "union-admin"));
        for (Future<?> job : jobs) {
            job.get();
        }
        System.out.println("accounts " + tokens.size() + " (set password + login) ms " + ms(t));
        String union = tokens.get(unionAdmin);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (int u = 0; u < UNITS; u++) {
            call("POST", "/api/duties", union, "{\"code\":\"delegation-head\",\"label\":\"代表团团长\",\"memberId\":"
                    + member[u * PER_UNIT + PROPOSERS_PER_UNIT] + ",\"unitId\":" + units.get(u) + ",\"from\":\""
                    + today.minusDays(1) + "\"}", 201);
        }
        call("POST", "/api/duties", union, "{\"code\":\"proposal-committee\",\"label\":\"提案工作委员会委员\",\"memberId\":"
                + member[committee] + ",\"unitId\":" + root + ",\"from\":\"" + today.minusDays(1) + "\"}", 201);

        long session = firstId(call("POST", "/api/congress/meetings", union, "{\"title\":\"第九届教代会暨第十五届工代会第五次会议\","
                + "\"year\":" + today.getYear() + ",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(2) + "\"}", 201));
        StringBuilder ids = new StringBuilder();
        for (long id : member) {
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        t = System.nanoTime();
        call("POST", "/api/congress/meetings/" + session + "/delegates", union, "{\"memberIds\":[" + ids + "]}", 200);
        System.out.println("delegates.400.one-request.ms " + ms(t));

        t = System.nanoTime();
        List<Future<?>> flows = new ArrayList<>();
        for (int p = 0; p < PROPOSALS; p++) {
            int n = p;
            flows.add(pool.submit(() -> {
                proposal(n, session, member, tokens, units, today);
                return null;
            }));
        }
        for (Future<?> f : flows) {
            f.get();
        }
        long wall = ms(t);
        pool.shutdown();
        int requests = LATENCIES.values().stream().mapToInt(List::size).sum();
        System.out.println("proposals " + PROPOSALS + " full path, 4 clients, wall ms " + wall + ", requests " + requests
                + ", req/s " + Math.round(requests * 1000.0 / wall));
        for (String step : List.of("create", "invite", "second", "submit", "head-check", "decision", "answer", "rating")) {
            List<Long> l = new ArrayList<>(LATENCIES.get(step));
            Collections.sort(l);
            System.out.println("step " + step + " n " + l.size() + " p50.ms " + l.get(l.size() / 2) + " p95.ms "
                    + l.get((int) (l.size() * 0.95)) + " max.ms " + l.get(l.size() - 1));
        }
        for (String[] read : new String[][] { { "statistics.json", "/api/congress/meetings/" + session + "/statistics" },
                { "statistics.xlsx", "/api/congress/meetings/" + session + "/statistics?format=xlsx" },
                { "public-list.500", "/api/congress/proposals?limit=500" },
                { "tasks.committee", "/api/tasks" } }) {
            String token = read[0].equals("tasks.committee") ? tokens.get(committee) : union;
            List<Long> l = new ArrayList<>();
            for (int r = 0; r < 5; r++) {
                long s = System.nanoTime();
                call("GET", read[1], token, null, 200);
                l.add(ms(s));
            }
            Collections.sort(l);
            System.out.println("read " + read[0] + " median.ms " + l.get(2));
        }
        String stats = call("GET", "/api/congress/meetings/" + session + "/statistics", union, null, 200);
        System.out.println("statistics " + stats.substring(0, Math.min(200, stats.length())));
    }

    private void proposal(int n, long session, long[] member, Map<Integer, String> tokens, List<Long> units, LocalDate today) {
        int unit = n % UNITS;
        int k = (n / UNITS) % PROPOSERS_PER_UNIT;
        int proposer = unit * PER_UNIT + k;
        int s1 = unit * PER_UNIT + (k + 1) % PROPOSERS_PER_UNIT;
        int s2 = unit * PER_UNIT + (k + 2) % PROPOSERS_PER_UNIT;
        int head = unit * PER_UNIT + PROPOSERS_PER_UNIT;
        int lead = (unit + 1) % UNITS;
        int leadAdmin = lead * PER_UNIT + PROPOSERS_PER_UNIT + 1;
        String body = "{\"sessionId\":" + session + ",\"title\":\"关于改进第" + n + "项工作的提案\",\"reason\":\"教职工反映较多\","
                + "\"measures\":\"建议相关部门研究落实\"}";
        long id = firstId(timed("create", "POST", "/api/congress/proposals", tokens.get(proposer), body, 201));
        String path = "/api/congress/proposals/" + id;
        timed("invite", "POST", path + "/seconders", tokens.get(proposer), "{\"memberIds\":[" + member[s1] + "," + member[s2] + "]}", 200);
        timed("second", "POST", path + "/second", tokens.get(s1), null, 200);
        timed("second", "POST", path + "/second", tokens.get(s2), null, 200);
        timed("submit", "POST", path + "/submit", tokens.get(proposer), null, 200);
        timed("head-check", "POST", path + "/head-check", tokens.get(head), "{\"decision\":\"APPROVE\"}", 200);
        timed("decision", "POST", path + "/decision", tokens.get(UNITS * PER_UNIT - 1), "{\"outcome\":\"ACCEPT\",\"leadUnitId\":"
                + units.get(lead) + ",\"dueOn\":\"" + today.plusDays(30) + "\"}", 200);
        timed("answer", "POST", path + "/answer", tokens.get(leadAdmin), "{\"text\":\"已研究落实\"}", 200);
        timed("rating", "POST", path + "/rating", tokens.get(proposer), "{\"rating\":\"SATISFIED\"}", 200);
        timed("rating", "POST", path + "/rating", tokens.get(s1), "{\"rating\":\"BASICALLY_SATISFIED\"}", 200);
        timed("rating", "POST", path + "/rating", tokens.get(s2), "{\"rating\":\"SATISFIED\"}", 200);
    }

    private String timed(String step, String method, String path, String token, String body, int expect) {
        long t = System.nanoTime();
        String answer = call(method, path, token, body, expect);
        LATENCIES.computeIfAbsent(step, s -> Collections.synchronizedList(new ArrayList<>())).add(ms(t));
        return answer;
    }

    private String account(String admin, long memberId, int index, Long adminOf, String role) {
        long account = firstId(call("POST", "/api/accounts/members", admin, "{\"memberId\":" + memberId + "}", 201));
        call("POST", "/api/accounts/" + account + "/password", admin, "{\"password\":\"" + PASSWORD
                + "\",\"mustChangePassword\":false}", 200);
        if (adminOf != null) {
            call("POST", "/api/accounts/" + account + "/roles", admin, "{\"role\":\"unit-admin\",\"unitId\":" + adminOf + "}", 200);
        }
        if (role != null) {
            call("POST", "/api/accounts/" + account + "/roles", admin, "{\"role\":\"" + role + "\"}", 200);
        }
        return login(String.format("CB%04d", index + 1), PASSWORD);
    }

    private String login(String user, String password) {
        String body = call("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", 200);
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token: " + body);
        }
        return m.group(1);
    }

    private String call(String method, String path, String token, String body, int expect) {
        return raw(method, path, token, "application/json", body, expect);
    }

    private String raw(String method, String path, String token, String type, String body, int expect) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != expect && !(expect == 201 && answer.statusCode() == 200)) {
                throw new IllegalStateException(method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    private static long firstId(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
