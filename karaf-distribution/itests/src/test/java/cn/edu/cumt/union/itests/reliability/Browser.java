package cn.edu.cumt.union.itests.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.edu.cumt.union.itests.Distribution;

/**
 * A headless Debian Chromium driven by Selenium through Debian's chromedriver (no driver or browser
 * download: the network is closed), at a phone's size (390x844, touch, 2x) or a desktop's. The
 * packages are installed when missing: by apt-get as root, otherwise the check stops with the command.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CJK_FONTS = Path.of("/usr/share/fonts/opentype/noto");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** Installs chromium, chromium-driver and fonts-noto-cjk when any of them is missing. */
    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.isDirectory(CJK_FONTS)) {
            return;
        }
        String command = "apt-get install -y chromium chromium-driver fonts-noto-cjk";
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The browser checks need Debian's Chromium: run `sudo " + command + "` (or -Dunion.reliability.skip=true)");
        }
        System.out.println("[browser] installing: " + command);
        if (apt("install", "-y", "chromium", "chromium-driver", "fonts-noto-cjk") != 0) {
            apt("update"); // a fresh machine may have no package lists yet
            if (apt("install", "-y", "chromium", "chromium-driver", "fonts-noto-cjk") != 0) {
                throw new IllegalStateException(command + " failed: see the build output");
            }
        }
    }

    private static int apt(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process apt = builder.start();
        if (!apt.waitFor(10, TimeUnit.MINUTES)) {
            apt.destroyForcibly();
            return -1;
        }
        return apt.exitValue();
    }

    static Browser phone(String baseUrl) throws IOException {
        return open(baseUrl, true);
    }

    static Browser desktop(String baseUrl) throws IOException {
        return open(baseUrl, false);
    }

    private static Browser open(String baseUrl, boolean phone) throws IOException {
        Path profile = Files.createTempDirectory("union-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        } else {
            options.addArguments("--window-size=1280,900");
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogOutput(new java.io.ByteArrayOutputStream()).build();
        return new Browser(new ChromeDriver(service, options), profile, baseUrl);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code #/route} of the app. */
    void open(String route) {
        driver.get(baseUrl + "/#" + route);
    }

    WebElement await(String dataTest) {
        return until(WAIT, dataTest + " visible", ExpectedConditions.visibilityOfElementLocated(test(dataTest)));
    }

    /** Waits until the element's text contains {@code text}. */
    void awaitText(String dataTest, String text) {
        until(WAIT, dataTest + " shows " + text, ExpectedConditions.textToBePresentInElementLocated(test(dataTest), text));
    }

    void awaitGone(String dataTest, Duration timeout) {
        until(timeout, dataTest + " gone", ExpectedConditions.invisibilityOfElementLocated(test(dataTest)));
    }

    void awaitPresent(String dataTest, Duration timeout) {
        until(timeout, dataTest + " present", ExpectedConditions.presenceOfElementLocated(test(dataTest)));
    }

    /** Waits for a condition; on timeout the failure says what the page showed (and where its screenshot is). */
    private <T> T until(Duration timeout, String what, ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, timeout).until(condition);
        } catch (TimeoutException e) {
            String shown;
            try {
                shown = driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText();
                screenshot(Distribution.workDirectory().resolve("reliability").resolve("webapp-failure.png"));
            } catch (RuntimeException | IOException unreadable) {
                shown = "(page unreadable: " + unreadable + ")";
            }
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the page shows:\n" + shown, e);
        }
    }

    static By test(String dataTest) {
        return By.cssSelector("[data-test='" + dataTest + "']");
    }

    /** Types into the input inside the element marked {@code dataTest} (Vant wraps its inputs). */
    void type(String dataTest, String text) {
        WebElement field = await(dataTest);
        WebElement input = "input".equals(field.getTagName()) || "textarea".equals(field.getTagName()) ? field
                : field.findElement(By.cssSelector("input, textarea"));
        // select all and type over it: clear() fires no input event, so Vue's model would keep the old value
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** Scrolls the element to the middle of the screen first, as a user would: the fixed tab bar covers the bottom. */
    void click(String dataTest) {
        WebElement element = until(WAIT, dataTest + " clickable", ExpectedConditions.elementToBeClickable(test(dataTest)));
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        element.click();
    }

    /** Logs in through the login page and waits for the home. */
    void logIn(String username, String password) {
        open("/");
        type("username", username);
        type("password", password);
        click("login");
        await("tasks");
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Whether the page is wider than the screen (a phone would scroll sideways). */
    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth"
                + " || document.body.scrollWidth > window.innerWidth");
    }

    /** What the browser console said about refused content (CSP) or script errors since the last call. */
    List<String> consoleProblems() {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            if (message.contains("Content Security Policy") || message.contains("Refused to")
                    || (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !message.contains("status of 40"))) {
                problems.add(message);
            }
        }
        return problems;
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            Distribution.deleteTree(profile);
        }
    }
}
