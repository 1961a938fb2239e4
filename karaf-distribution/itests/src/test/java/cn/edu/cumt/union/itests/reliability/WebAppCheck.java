package cn.edu.cumt.union.itests.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.edu.cumt.union.itests.Distribution;
import cn.edu.cumt.union.itests.Fixtures;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.Rest;

/**
 * The web app in a real headless Chromium against the real distribution: a member logs in (cookie),
 * checks in to a study session with its code and sees it in their record; an XSS name shows as
 * text; a phone's screen (390x844) never scrolls sideways; an operator uploads a plugin and its
 * entry appears in another open page without a reload, and goes on uninstall; the strict CSP
 * refuses nothing the app needs. Screenshots of the main pages go to docs/screenshots/.
 */
public class WebAppCheck {

    static final String XSS = "<img src=x onerror=alert(1)>";
    private static final Figures FIGURES = new Figures("webapp");
    private static final Duration POLL = Duration.ofSeconds(30);

    @ClassRule
    public static final RunningKaraf KARAF = new RunningKaraf("webapp", FIGURES);

    private static String baseUrl;
    private static Rest admin;
    private static long session;
    private static long mining;
    private static final String UNION_ADMIN = "WB0004";
    private static final String XSS_UNIT = "XSSUNIT";
    private static String code;
    private static final String TITLE = "网页签到学习会";

    @BeforeClass
    public static void membersAndASession() throws Exception {
        Browser.ensureInstalled();
        Rest rest = KARAF.process().rest();
        baseUrl = rest.baseUrl();
        admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        long unit = Fixtures.unit(admin, "WEB");
        mining = Fixtures.unit(admin, "MINING"); // the example unit plugin familyday belongs to it
        Fixtures.importMembers(admin, "WB0001," + XSS + ",F,1980-01-02,13800000301,wb1@cumt.edu.cn,WEB,ACTIVE,\n"
                + "WB0002,网页管理员,M,1981-01-02,13800000302,wb2@cumt.edu.cn,WEB,ACTIVE,cadre\n"
                + "WB0003,编辑前姓名,F,1982-01-02,13800000303,wb3@cumt.edu.cn,WEB,ACTIVE,\n"
                + "WB0004,网页校工会管理员,M,1983-01-02,13800000304,wb4@cumt.edu.cn,WEB,ACTIVE,\n"
                + "WB0005,网页新会员,F,1984-01-02,13800000305,wb5@cumt.edu.cn,WEB,ACTIVE,\n");
        Fixtures.account(admin, "WB0001", null);
        Fixtures.account(admin, "WB0002", unit);
        Fixtures.account(admin, UNION_ADMIN, null);
        long unionAdminAccount = admin.get("/api/accounts?q=" + UNION_ADMIN).json().path("items").get(0).path("id").asLong();
        Rest.Reply grant = admin.post("/api/accounts/" + unionAdminAccount + "/roles", Map.of("role", "union-admin"));
        assertEquals(grant.toString(), 200, grant.status());
        // a unit whose name is markup: the organisation tree shows it as text
        long root = admin.get("/api/units").json().get(0).path("id").asLong();
        Rest.Reply xssUnit = admin.post("/api/units", Map.of("code", XSS_UNIT, "name", XSS, "nameEn", XSS, "parentId", root));
        assertTrue(xssUnit.toString(), xssUnit.status() == 200 || xssUnit.status() == 201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Rest.Reply created = admin.post("/api/study/sessions", Map.of("title", TITLE, "topic", "理论学习", "place", "文昌校区",
                "startsAt", now.minusSeconds(300).toString(), "endsAt", now.plusSeconds(3300).toString(),
                "organiserUnitId", unit, "targetUnitIds", List.of(unit)));
        assertEquals(created.toString(), 201, created.status());
        session = created.json().path("id").asLong();
        code = admin.get("/api/study/sessions/" + session + "/code").json().path("code").asText();
    }

    private static Path screenshots() {
        // itests/target -> the repository's docs/screenshots
        return Distribution.workDirectory().toAbsolutePath().resolve("../../../docs/screenshots").normalize();
    }

    @Test
    public void aMemberLogsInWithTheCookieChecksInAndSeesItInTheRecord() throws Exception {
        try (Browser phone = Browser.phone(baseUrl)) {
            phone.open("/");
            phone.screenshot(screenshots().resolve("phone-login.png"));
            phone.logIn("WB0001", Fixtures.PASSWORD);
            Cookie cookie = phone.driver().manage().getCookieNamed("union_session");
            assertNotNull(cookie);
            assertTrue("HttpOnly", cookie.isHttpOnly());
            assertEquals("Strict", cookie.getSameSite());
            assertFalse("no script reads the token", String.valueOf(phone.script("return document.cookie")).contains("union_session"));

            phone.await("entry-study-my-sessions");
            phone.screenshot(screenshots().resolve("phone-home.png"));

            phone.open("/p/study/session?id=" + session);
            phone.awaitText("detail", TITLE);
            phone.click("action-check-in");
            phone.type("field-code", code.equals("000000") ? "111111" : "000000");
            phone.click("submit");
            phone.await("error"); // a wrong code is refused, with the server's reason
            phone.type("field-code", code);
            phone.click("submit");
            phone.await("page-study-my-record");
            phone.awaitText("list", TITLE);
            phone.screenshot(screenshots().resolve("phone-study-record.png"));
            assertEquals(List.of(), phone.consoleProblems());
        }
        Rest member = KARAF.process().rest();
        member = member.withToken(member.login("WB0001", Fixtures.PASSWORD));
        assertTrue(member.get("/api/study/me/record").body().contains(TITLE));
    }

    @Test
    public void anXssNameShowsAsTextEverywhere() throws Exception {
        try (Browser phone = Browser.phone(baseUrl)) {
            phone.logIn("WB0001", Fixtures.PASSWORD);
            phone.open("/me");
            phone.awaitText("member-name", XSS);
            assertNoInjection(phone);
            // a plain member: no staff pages in the nav, and none opens by its address
            assertTrue(phone.driver().findElements(Browser.test("tab-admin")).isEmpty());
            for (String staffPage : new String[] { "/org", "/audit", "/accounts", "/backup", "/member?id=" + Fixtures.memberId(admin, "WB0002") }) {
                phone.open(staffPage);
                phone.await("not-found");
            }
        }
        try (Browser desktop = Browser.desktop(baseUrl)) {
            desktop.logIn("WB0002", Fixtures.PASSWORD);
            desktop.open("/members");
            desktop.awaitText("members", XSS);
            assertNoInjection(desktop);
            desktop.screenshot(screenshots().resolve("desktop-members.png"));
        }
    }

    private static void assertNoInjection(Browser browser) {
        assertEquals("no img element made of the name", 0, browser.driver().findElements(By.cssSelector("img[src='x']")).size());
        try {
            browser.driver().switchTo().alert();
            throw new AssertionError("the name's script ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    public void aPhoneScreenNeverScrollsSideways() throws Exception {
        List<String> wide = new ArrayList<>();
        try (Browser phone = Browser.phone(baseUrl)) {
            phone.open("/");
            phone.await("login");
            check(phone, "login", wide);
            phone.logIn("WB0002", Fixtures.PASSWORD);
            for (String[] page : new String[][] { { "/", "tasks", "home-admin" }, { "/me", "profile", "profile" },
                    { "/members", "members", "members" }, { "/import", "import-file", "import" },
                    { "/p/study/sessions", "list", "study-sessions" }, { "/p/study/attendance-rate", "page-study-attendance-rate", "attendance-rate" } }) {
                phone.open(page[0]);
                phone.awaitPresent(page[1], POLL);
                check(phone, page[0], wide);
                phone.screenshot(screenshots().resolve("phone-" + page[2] + ".png"));
            }
            assertEquals(List.of(), phone.consoleProblems());
        }
        try (Browser phone = Browser.phone(baseUrl)) {
            phone.logIn(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD);
            phone.open("/plugins");
            phone.await("plugins");
            check(phone, "/plugins", wide);
            phone.screenshot(screenshots().resolve("phone-plugins.png"));
        }
        assertEquals("pages wider than a 390 px phone", List.of(), wide);
    }

    private static void check(Browser phone, String page, List<String> wide) {
        if (phone.scrollsSideways()) {
            wide.add(page + " (" + phone.script("return document.documentElement.scrollWidth") + " px)");
        }
    }

    /**
     * The staff pages against the real API: a unit administrator edits a member (only what changed is
     * sent: the e-mail stays) and sees the change in the list, is refused a transfer outside their units
     * with the server's reason, and opens an account with its one-time password; the tree and the audit
     * log are not in their nav. A union administrator opens the tree (an XSS unit name is text) and finds
     * the edit in the audit log. Every one of these pages fits a phone.
     */
    @Test
    public void aUnitAdminEditsAMemberAndTheUnionAdminFindsTheEditInTheTreeAndTheAuditLog() throws Exception {
        long edited = Fixtures.memberId(admin, "WB0003");
        String oneTime;
        List<String> wide = new ArrayList<>();
        try (Browser phone = Browser.phone(baseUrl)) {
            phone.logIn("WB0002", Fixtures.PASSWORD);
            phone.open("/members");
            phone.click("member-WB0003");
            phone.await("edit-name");
            check(phone, "/member", wide);
            phone.type("edit-name", "编辑后姓名");
            phone.type("edit-phone", "13900000303");
            phone.click("category-cadre");
            phone.click("save-member");
            phone.awaitText("saved", "已保存");
            phone.screenshot(screenshots().resolve("phone-member-edit.png"));

            // MINING is outside WEB's administrator's units: the server refuses, the page says why
            new Select(phone.await("transfer-unit")).selectByValue(Long.toString(mining));
            phone.click("transfer");
            phone.awaitText("transfer-error", "只有校工会可以把会员调到您管理范围以外的单位");

            phone.open("/members");
            phone.awaitText("members", "编辑后姓名");

            // the tree and the audit log are a union administrator's: not in this nav, and not opened
            phone.click("tab-admin");
            phone.await("admin-accounts");
            assertTrue(phone.driver().findElements(Browser.test("admin-orgTree")).isEmpty());
            assertTrue(phone.driver().findElements(Browser.test("admin-audit")).isEmpty());
            phone.open("/audit");
            phone.await("not-found");

            phone.open("/accounts");
            phone.type("account-member-search", "WB0005\n");
            phone.click("pick-WB0005");
            phone.click("create-account");
            oneTime = phone.await("issued-password").getText();
            assertFalse(oneTime.isBlank());
            check(phone, "/accounts", wide);
            assertEquals(List.of(), phone.consoleProblems());
        }
        Rest.Reply member = admin.get("/api/members/" + edited);
        assertEquals("编辑后姓名", member.json().path("name").asText());
        assertEquals("13900000303", member.json().path("phone").asText());
        assertEquals("omitted fields keep their value", "wb3@cumt.edu.cn", member.json().path("email").asText());
        assertEquals("omitted fields keep their value", "1982-01-02", member.json().path("birthDate").asText());
        assertEquals("[\"cadre\"]", member.json().path("categories").toString());
        assertEquals("the refused transfer moved nobody", Fixtures.unit(admin, "WEB"), member.json().path("unitId").asLong());
        Rest.Reply firstLogin = KARAF.process().rest().post("/api/auth/login", Map.of("username", "WB0005", "password", oneTime));
        assertEquals(firstLogin.toString(), 200, firstLogin.status());

        try (Browser phone = Browser.phone(baseUrl)) {
            phone.logIn(UNION_ADMIN, Fixtures.PASSWORD);
            phone.click("tab-admin");
            phone.await("admin-audit");
            check(phone, "/admin", wide);
            phone.click("admin-orgTree");
            phone.awaitText("unit-" + XSS_UNIT, XSS);
            assertNoInjection(phone);
            phone.awaitText("count-WEB", "5 人");
            check(phone, "/org", wide);
            phone.screenshot(screenshots().resolve("phone-org.png"));

            phone.open("/audit");
            phone.type("audit-action", "member.update");
            phone.type("audit-target-id", Long.toString(edited));
            phone.click("audit-search");
            phone.awaitText("audit-entries", "编辑后姓名");
            String entries = phone.await("audit-entries").getText();
            assertTrue(entries, entries.contains("member.update") && entries.contains("WB0002"));
            check(phone, "/audit", wide);
            phone.screenshot(screenshots().resolve("phone-audit.png"));
            assertEquals(List.of(), phone.consoleProblems());
        }
        assertEquals("pages wider than a 390 px phone", List.of(), wide);
    }

    @Test
    public void anOperatorBacksUpFromThePhone() throws Exception {
        try (Browser phone = Browser.phone(baseUrl)) {
            phone.logIn(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD);
            phone.click("tab-admin");
            phone.click("admin-backup");
            phone.click("backup-now");
            phone.awaitPresent("backup-result", Duration.ofSeconds(120));
            assertTrue(phone.await("backup-folder").getText().contains("backups"));
            assertFalse(phone.await("backup-databases").getText().isBlank());
            assertFalse("no horizontal scroll", phone.scrollsSideways());
            phone.screenshot(screenshots().resolve("phone-backup.png"));
            assertEquals(List.of(), phone.consoleProblems());
        }
    }

    @Test
    public void anUploadedPluginsEntryAppearsInAnotherOpenPageAndGoesOnUninstall() throws Exception {
        try (Browser operator = Browser.desktop(baseUrl); Browser watcher = Browser.desktop(baseUrl)) {
            watcher.logIn(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD);
            watcher.await("entry-study-my-sessions");
            watcher.script("window.__sameDocument = 'yes'");
            assertTrue(watcher.driver().findElements(Browser.test("entry-familyday-activities")).isEmpty());

            operator.logIn(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD);
            operator.open("/plugins");
            operator.await("plugins");
            // a file that is no plugin: refused, with the reasons shown
            Path garbage = Files.createTempFile("not-a-plugin", ".jar");
            Files.write(garbage, "not a jar".getBytes(StandardCharsets.UTF_8));
            operator.driver().findElement(Browser.test("plugin-file")).sendKeys(garbage.toString());
            assertFalse(operator.await("refusal").getText().isBlank());
            Files.delete(garbage);

            long uploaded = System.nanoTime();
            operator.driver().findElement(Browser.test("plugin-file")).sendKeys(Distribution.familydayJar().toAbsolutePath().toString());
            operator.await("plugin-familyday");
            operator.screenshot(screenshots().resolve("desktop-plugins.png"));

            watcher.awaitPresent("entry-familyday-activities", POLL);
            FIGURES.add("entry.appeared.ms", Duration.ofNanos(System.nanoTime() - uploaded).toMillis());
            assertEquals("no reload", "yes", watcher.script("return window.__sameDocument"));
            watcher.screenshot(screenshots().resolve("desktop-home.png"));

            operator.click("uninstall-familyday");
            new WebDriverWait(operator.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".van-dialog__confirm"))).click();
            long uninstalled = System.nanoTime();
            watcher.awaitGone("entry-familyday-activities", POLL);
            FIGURES.add("entry.gone.ms", Duration.ofNanos(System.nanoTime() - uninstalled).toMillis());
            assertEquals("no reload", "yes", watcher.script("return window.__sameDocument"));
            assertEquals(List.of(), watcher.consoleProblems());
        }
    }

    @Test
    public void theFirstPageIsLight() throws Exception {
        try (Browser desktop = Browser.desktop(baseUrl)) {
            desktop.open("/");
            desktop.await("login");
            Number bytes = (Number) desktop.script("const n = performance.getEntriesByType('navigation')[0];"
                    + " return performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, n.transferSize)");
            Number shown = (Number) desktop.script("return performance.now()");
            FIGURES.add("first.page.bytes", bytes.longValue());
            FIGURES.add("first.page.ms", shown.longValue());
            System.out.println("[webapp] first page: " + bytes.longValue() / 1024 + " KB transferred, login shown after "
                    + shown.longValue() + " ms");
            assertTrue(bytes + " bytes", bytes.longValue() < 200 * 1024);
        }
    }
}
