package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pages plugins bring: {@code GET /api/ui/pages} lists for each caller exactly the pages they may
 * open, follows plugins as they come and go without a failed request, and {@code /ui/<plugin-id>/…}
 * serves a union plugin's files with the shell's headers and nothing else.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UiPagesIT extends UnionKarafTestSupport {

    private static final Set<String> STUDY_MEMBER = Set.of("my-sessions", "session", "check-in", "my-record");
    private static final Set<String> STUDY_ADMIN = Set.of("session", "sessions", "session-new", "session-code", "attendance",
            "attendance-rate");
    private static final Set<String> BRAND_MEMBER = Set.of("projects", "project");
    private static final Set<String> BRAND_UNIT_ADMIN = Set.of("projects", "project", "apply");
    private static final Set<String> BRAND_UNION_ADMIN = Set.of("projects", "project", "apply", "review-queue", "review");
    private static final Set<String> FAMILYDAY_MEMBER = Set.of("activities", "activity", "sign-up");
    private static final Set<String> FAMILYDAY_ADMIN = Set.of("activities", "activity", "signups", "activity-new");

    @Override
    protected Option[] extraOptions() {
        // The pages of study, brand and a unit plugin are counted here; congress, welfare and honours boot
        // only in their own ITs (UnionKarafTestSupport.pluginsNotUnderTest), which check their pages.
        return new Option[] { systemProperty("union.itests.familyday-jar").value(Distribution.familydayJar().toString()) };
    }

    private Rest admin;
    private long mining;
    private long other;

    @Before
    public void unitsAndPeople() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/study/sessions", 401, BOOT_TIMEOUT);
        admin = asAdmin();
        mining = Fixtures.unit(admin, "MINING");
        other = Fixtures.unit(admin, "UIB");
        Fixtures.importMembers(admin, "UI0001,钱一,M,1975-01-02,13900100001,ui1@cumt.edu.cn,MINING,ACTIVE,\n"
                + "UI0002,孙二,F,1988-03-04,13900100002,ui2@cumt.edu.cn,MINING,ACTIVE,\n"
                + "UI0101,李三,M,1979-07-08,13900100101,ui101@cumt.edu.cn,UIB,ACTIVE,\n"
                + "UI0201,周四,F,1981-09-10,13900100201,ui201@cumt.edu.cn,UIB,ACTIVE,\n");
    }

    /** The page ids the caller gets, by plugin id. */
    private static Map<String, Set<String>> pages(Rest caller) {
        Rest.Reply reply = caller.get("/api/ui/pages");
        assertEquals(reply.toString(), 200, reply.status());
        Map<String, Set<String>> pages = new TreeMap<>();
        for (JsonNode plugin : reply.json().path("plugins")) {
            Set<String> ids = new TreeSet<>();
            plugin.path("pages").forEach(page -> ids.add(page.path("id").asText()));
            assertTrue(plugin.toString(), plugin.path("title").path("zh").isTextual());
            pages.put(plugin.path("id").asText(), ids);
        }
        return pages;
    }

    private static Map<String, Set<String>> expected(Object... pluginsAndPages) {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (int i = 0; i < pluginsAndPages.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> ids = new TreeSet<>((Set<String>) pluginsAndPages[i + 1]);
            expected.put((String) pluginsAndPages[i], ids);
        }
        return expected;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Installs familyday unless it is there (the tests of this class share one Karaf, in no fixed order). */
    private void ensureFamilyday() throws IOException {
        if (admin.get("/api/plugins/familyday").status() != 200) {
            installFamilyday(admin);
        }
    }

    @Test
    public void everyCallerGetsExactlyThePagesTheyMayOpen() throws IOException {
        ensureFamilyday();
        Rest member = withToken(login(Fixtures.account(admin, "UI0002", null), Fixtures.PASSWORD));
        Rest miningAdmin = withToken(login(Fixtures.account(admin, "UI0001", mining), Fixtures.PASSWORD));
        Rest outsider = withToken(login(Fixtures.account(admin, "UI0101", null), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(admin, "UI0201", other), Fixtures.PASSWORD));
        // another unit's administrator: no page of MINING's own plugin
        assertEquals(expected("study", union(STUDY_MEMBER, STUDY_ADMIN), "brand", BRAND_UNIT_ADMIN), pages(otherAdmin));
        Rest unionAdmin = withToken(login(Fixtures.unionAdmin(admin, "UI0201"), Fixtures.PASSWORD));

        assertEquals(expected("study", STUDY_MEMBER, "brand", BRAND_MEMBER, "familyday", FAMILYDAY_MEMBER), pages(member));
        // a member of another unit gets no entry of MINING's own plugin
        assertEquals(expected("study", STUDY_MEMBER, "brand", BRAND_MEMBER), pages(outsider));
        assertEquals(expected("study", union(STUDY_MEMBER, STUDY_ADMIN), "brand", BRAND_UNIT_ADMIN, "familyday",
                union(FAMILYDAY_MEMBER, FAMILYDAY_ADMIN)), pages(miningAdmin));
        // UI0201 is now also a union admin: everything of every unit, and their member pages
        assertEquals(expected("study", union(STUDY_MEMBER, STUDY_ADMIN), "brand", union(BRAND_MEMBER, BRAND_UNION_ADMIN),
                "familyday", FAMILYDAY_ADMIN), pages(unionAdmin));
        Map<String, Set<String>> all = pages(admin);
        assertEquals(Set.of("study", "brand", "familyday"), all.keySet());
        assertEquals(union(STUDY_MEMBER, STUDY_ADMIN), all.get("study"));
        assertEquals(401, rest().get("/api/ui/pages").status());
        // plugins in their declared order: study (10), brand (90), familyday (200)
        List<String> order = new ArrayList<>();
        admin.get("/api/ui/pages").json().path("plugins").forEach(plugin -> order.add(plugin.path("id").asText()));
        assertEquals(List.of("study", "brand", "familyday"), order);
    }

    @Test
    public void anUnchangedListAnswers304AndAChangedOneANewVersion() throws Exception {
        String token = login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD);
        HttpResponse<String> first = send("/api/ui/pages", token, null);
        assertEquals(200, first.statusCode());
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(first.headers().firstValue("Cache-Control").orElseThrow().contains("no-cache"));
        HttpResponse<String> again = send("/api/ui/pages", token, tag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());

        String version = withToken(token).get("/api/ui/pages").json().path("version").asText();
        Rest.Reply disabled = withToken(token).post("/api/plugins/brand/disable", Map.of());
        assertEquals(disabled.toString(), 200, disabled.status());
        try {
            HttpResponse<String> changed = send("/api/ui/pages", token, tag);
            assertEquals(200, changed.statusCode());
            assertTrue(changed.body(), !changed.body().contains("\"brand\""));
            assertTrue(!version.equals(withToken(token).get("/api/ui/pages").json().path("version").asText()));
        } finally {
            assertEquals(200, withToken(token).post("/api/plugins/brand/enable", Map.of()).status());
        }
    }

    @Test
    public void pluginsComingAndGoingChangeTheListWithNoFailedRequest() throws Exception {
        Rest member = withToken(login(Fixtures.account(admin, "UI0002", null), Fixtures.PASSWORD));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread poller = new Thread(() -> {
            while (running.get()) {
                Rest.Reply reply = member.get("/api/ui/pages");
                requests.incrementAndGet();
                if (reply.status() != 200) {
                    failures.add(reply.toString());
                }
            }
        });
        poller.start();
        try {
            ensureFamilyday();
            assertTrue(pages(member).containsKey("familyday"));
            assertEquals(200, admin.post("/api/plugins/study/disable", Map.of()).status());
            assertEquals(Set.of("brand", "familyday"), pages(member).keySet());
            assertEquals(200, admin.post("/api/plugins/study/enable", Map.of()).status());
            assertEquals(Set.of("study", "brand", "familyday"), pages(member).keySet());
            Rest.Reply removed = admin.delete("/api/plugins/familyday");
            assertEquals(removed.toString(), 200, removed.status());
            assertEquals(Set.of("study", "brand"), pages(member).keySet());
        } finally {
            running.set(false);
            poller.join(20_000);
        }
        assertTrue("polled " + requests.get() + " times", requests.get() > 5);
        assertEquals(List.of(), List.copyOf(failures));
    }

    @Test
    public void aUnionPluginsFilesAreServedWithTheShellsHeadersAndNothingElse() throws Exception {
        ensureFamilyday(); // a unit plugin with pages: its file is never served
        Bundle study = bundle(STUDY_BUNDLE);
        byte[] declared;
        try (InputStream in = study.getEntry("UI-INF/pages.json").openStream()) {
            declared = in.readAllBytes();
        }
        Rest.Download served = rest().download("/ui/study/pages.json");
        assertEquals(200, served.status());
        assertArrayEquals(declared, served.body());
        assertEquals("application/json;charset=utf-8", served.header("Content-Type").replace(" ", "").toLowerCase());
        assertTrue(served.header("Content-Security-Policy").startsWith("default-src 'self'; script-src 'self';"));
        assertTrue(served.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", served.header("X-Content-Type-Options"));
        assertEquals("DENY", served.header("X-Frame-Options"));
        assertEquals("same-origin", served.header("Referrer-Policy"));
        String tag = served.header("ETag");
        assertNotNull(tag);
        assertEquals(304, send("/ui/study/pages.json", null, tag).statusCode());

        for (String path : List.of("/ui/study/META-INF/MANIFEST.MF", "/ui/study/", "/ui/study/pages.json/",
                "/ui/study/cn/edu/cumt/union/plugin/study/internal/StudyService.class", "/ui/study/missing.js",
                "/ui/study/db/changelog.xml", "/ui/nosuch/pages.json", "/ui/familyday/pages.json")) {
            HttpResponse<String> answer = send(path, null, null);
            assertEquals(path, 404, answer.statusCode());
            assertTrue(path + " " + answer.body(), answer.body().contains("\"code\":\"ui.not-found\""));
            assertEquals(path, "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
        }
        // dot segments that Jetty itself resolves leave /ui altogether: whatever answers, no file of the bundle comes back
        for (String path : List.of("/ui/study/%2e%2e/%2e%2e/META-INF/MANIFEST.MF", "/ui/study/../../META-INF/MANIFEST.MF",
                "/ui/study/pages/../../../etc/passwd", "/ui/study/%2e%2e/%2e%2e/api/me", "/ui/study/..%2fMETA-INF/MANIFEST.MF",
                "/ui/study/%2e%2e%5cMETA-INF%5cMANIFEST.MF", "/ui/study/x%00.js")) {
            HttpResponse<String> answer = send(path, null, null);
            assertTrue(path + " " + answer.statusCode(), answer.statusCode() == 404 || answer.statusCode() == 400
                    || answer.statusCode() == 401);
            assertTrue(path + " " + answer.body(), !answer.body().contains("Manifest-Version") && !answer.body().contains("root:"));
        }

        assertEquals(200, admin.post("/api/plugins/study/disable", Map.of()).status());
        try {
            assertEquals("a stopped plugin serves nothing", 404, rest().download("/ui/study/pages.json").status());
        } finally {
            assertEquals(200, admin.post("/api/plugins/study/enable", Map.of()).status());
        }
        await("study's files again", Duration.ofSeconds(30), () -> rest().download("/ui/study/pages.json").status() == 200);
    }

    /** A GET with the raw path as given (no normalising), an optional bearer token and If-None-Match. */
    private static HttpResponse<String> send(String path, String token, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SETUP.baseUrl() + path)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
