package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The platform on a real PostgreSQL (issue 13): the distribution booted with {@link OnPostgres}'s settings
 * only, and what touches storage exercised over HTTP with real accounts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends UnionKarafTestSupport {

    @Override
    protected Option[] extraOptions() {
        if (System.getProperty("karaf.base") != null) {
            return new Option[0]; // inside the container: the options were taken in the driver JVM
        }
        return new Option[] { bootFeaturesWith(OnPostgres.DRIVER_FEATURE), OnPostgres.settings() };
    }

    private Rest admin;

    @Before
    public void ready() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        admin = asAdmin();
    }

    @Test
    public void bootsOnPostgres() {
        assertEquals(200, admin.get("/api/members?q=x").status());
    }
}
