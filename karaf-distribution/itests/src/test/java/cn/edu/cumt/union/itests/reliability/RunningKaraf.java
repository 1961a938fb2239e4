package cn.edu.cumt.union.itests.reliability;

import org.junit.rules.ExternalResource;

import cn.edu.cumt.union.itests.KarafProcess;

/**
 * The Karaf one check runs against, as a class rule: unpacked and started before the check's
 * {@code @BeforeClass}, and after its tests its figures written and the process stopped, however
 * they ended (killed if it does not stop).
 */
final class RunningKaraf extends ExternalResource {

    private final String name;
    private final Figures figures;
    private KarafProcess karaf;

    RunningKaraf(String name, Figures figures) {
        this.name = name;
        this.figures = figures;
    }

    KarafProcess process() {
        return karaf;
    }

    @Override
    protected void before() throws Throwable {
        karaf = KarafProcess.unpack("reliability/" + name).loopbackOnly();
        try {
            karaf.start();
        } catch (Exception | AssertionError e) {
            karaf.close();
            throw e;
        }
    }

    @Override
    protected void after() {
        figures.write();
        if (karaf == null) {
            return;
        }
        try {
            karaf.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Karaf " + name + " did not stop", e);
        } finally {
            karaf.close();
        }
    }
}
