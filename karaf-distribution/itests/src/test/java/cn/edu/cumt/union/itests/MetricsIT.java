package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 14, metrics for central IT: {@code GET /metrics} in Prometheus' text format with requests per
 * application, endpoint and status, logins, database pools, the JVM and the plugins; and nobody reads it
 * who should not (a caller forwarded by a proxy, a wrong token), with the rules changed in place in etc/.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT extends UnionKarafTestSupport {

    private static final CfgKey TOKEN = new CfgKey("cn.edu.cumt.union.metrics", ".metrics.token");
    private static final CfgKey ENABLED = new CfgKey("cn.edu.cumt.union.metrics", "metrics.enabled");
    private static final String SCRAPE_TOKEN = "a-long-random-scrape-token-for-the-test";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    public void prometheusScrapesWhatCentralItWatchesAndNobodyElseDoes() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        assertEquals(401, get("/api/brand/projects").status());
        assertEquals(401, rest().send("POST", "/api/auth/login",
                java.util.Map.of("username", KarafSetup.ADMIN_USERNAME, "password", "not-the-password")).status());
        asAdmin();

        HttpResponse<String> scraped = metrics(null, null);
        assertEquals(scraped.body(), 200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse(""), scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = scraped.body();
        assertTrue(text, value(text, "union_http_request_duration_seconds_count{application=\"core\",endpoint=\"HealthResource.health\",method=\"GET\",status=\"200\"}") >= 1);
        assertTrue("a plugin's own application, its refusal counted: " + text, text.matches(
                "(?s).*union_http_request_duration_seconds_count\\{application=\"brand\",endpoint=\"[^\"]+\",method=\"GET\",status=\"401\"\\} [1-9].*"));
        assertTrue(text, value(text, "union_logins_total{outcome=\"failed\"}") >= 1);
        assertTrue(text, value(text, "union_logins_total{outcome=\"ok\"}") >= 1);
        assertTrue("study and brand run: " + text, value(text, "union_plugins{state=\"ACTIVE\"}") >= 2);
        assertTrue(text, text.contains("union_plugin_info{plugin=\"study\""));
        assertTrue("the core's database pool: " + text, text.matches("(?s).*union_db_pool_connections\\{pool=\"[^\"]+\",state=\"max\"\\} [1-9].*"));
        assertTrue(text, text.contains("jvm_memory_used_bytes{area=\"heap\"}"));
        assertTrue(text, text.contains("jvm_gc_collection_seconds_count"));

        // Forwarded by a proxy (even one on this machine) is not local; no token is set yet
        HttpResponse<String> proxied = metrics("203.0.113.9", null);
        assertEquals(403, proxied.statusCode());
        assertTrue(proxied.body(), proxied.body().contains("\"code\":\"metrics.forbidden\""));

        // A remote scraper with the token set in etc/, applied in place
        TOKEN.write(karafHome(), SCRAPE_TOKEN);
        await("the token applies", Duration.ofSeconds(30), () -> metrics("203.0.113.9", SCRAPE_TOKEN).statusCode() == 200);
        HttpResponse<String> wrong = metrics("203.0.113.9", SCRAPE_TOKEN + "x");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body(), wrong.body().contains("\"code\":\"metrics.token-required\""));
        assertEquals(401, metrics("203.0.113.9", null).statusCode());
        assertEquals("this machine still reads it", 200, metrics(null, null).statusCode());

        ENABLED.write(karafHome(), "false");
        await("turned off", Duration.ofSeconds(30), () -> metrics(null, null).statusCode() == 404);
        assertEquals(404, metrics("203.0.113.9", SCRAPE_TOKEN).statusCode());
    }

    private HttpResponse<String> metrics(String forwardedFor, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SETUP.baseUrl() + "/metrics")).timeout(Duration.ofSeconds(30));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the series named exactly so, or -1 when it is not there. */
    private static double value(String text, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    private static Path karafHome() {
        return Paths.get(System.getProperty("karaf.home"));
    }
}
