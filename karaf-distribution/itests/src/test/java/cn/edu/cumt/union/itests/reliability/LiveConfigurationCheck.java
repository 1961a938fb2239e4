package cn.edu.cumt.union.itests.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;

import org.junit.ClassRule;
import org.junit.Test;

import cn.edu.cumt.union.itests.LiveConfigurationDrill;

/**
 * Editing etc/ disturbs nobody: several clients drive the core and the study plugin at full speed
 * while the authentication, HTTP, organisation, plugin and study settings are edited through their
 * files 20 times over ({@link LiveConfigurationDrill}); every request must answer 2xx, every new
 * value must be in force, and an invalid file must leave the old settings in force.
 */
public class LiveConfigurationCheck {

    private static final int ROUNDS = 20;
    private static final int CLIENTS = 4;

    private static final Figures FIGURES = new Figures("liveconfig");

    @ClassRule
    public static final RunningKaraf KARAF = new RunningKaraf("liveconfig", FIGURES);

    @Test
    public void configurationEditsFailNoRequest() throws Exception {
        byte[] outing = Files.readAllBytes(Paths.get(System.getProperty("union.itests.outing-jar")));
        LiveConfigurationDrill.Result result = new LiveConfigurationDrill(KARAF.process().home(), KARAF.process().rest(),
                outing).run(ROUNDS, CLIENTS);
        FIGURES.add("edits", result.edits());
        FIGURES.add("refused edits", result.refusedEdits());
        FIGURES.add("requests", result.requests());
        FIGURES.add("requests not 2xx", result.failures().size());
        FIGURES.add("slowest round applied (ms)", result.slowestApplyMillis());
        FIGURES.note("first failures", result.firstFailures());
        assertTrue("the clients were running: " + result.requests(), result.requests() > ROUNDS * 20L);
        assertEquals("requests that failed while etc/ changed: " + result.firstFailures(), 0, result.failures().size());
    }
}
