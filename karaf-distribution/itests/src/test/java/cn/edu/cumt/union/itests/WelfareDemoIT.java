package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * With {@code demo.data=true} the core loads the demo university and registers its marker; the welfare
 * plugin's demo component then starts and fills its empty tables, once, audited as welfare.demo.load.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WelfareDemoIT extends UnionKarafTestSupport {

    /** This plugin is under test here; the other work-point plugins stay out of the boot. */
    @Override
    protected java.util.Set<String> pluginsNotUnderTest() {
        return java.util.Set.of("union-congress", "union-honours");
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] { set(new CfgKey("cn.edu.cumt.union.demo", "demo.data"), "true") };
    }

    @Test
    public void theDemoUniversityGetsItsWelfareRecords() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        awaitStatus("/api/welfare/trips", 401, BOOT_TIMEOUT);
        Rest admin = asAdmin();
        await("welfare demo records", Duration.ofSeconds(60),
                () -> admin.get("/api/welfare/trips").json().path("total").asInt() == 2);
        JsonNode cases = admin.get("/api/welfare/cases?limit=500").json();
        assertEquals(cases.toString(), 18, cases.path("total").asInt());
        assertTrue(admin.get("/api/welfare/visits?limit=500").json().path("total").asInt() > 10);
        assertEquals(3, admin.get("/api/welfare/events").json().path("total").asInt());
        JsonNode audit = admin.get("/api/audit?action=welfare.demo.load").json();
        assertTrue(audit.toString(), audit.toString().contains("welfare.demo.load"));
        JsonNode report = admin.get("/api/welfare/funds/report?year=" + java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")).getYear()).json();
        for (JsonNode row : report.path("rows")) {
            assertTrue(row.toString(), row.path("cases").isNull() || row.path("cases").asInt() >= 5);
        }
    }
}
