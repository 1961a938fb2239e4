package cn.edu.cumt.union.itests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every Karaf under test gets in its {@code etc/}: ports of its own (other Karafs run on this
 * machine) and a known password for the first administrator, so login-based tests can start from it.
 */
public record KarafSetup(int http, int ssh, int rmiRegistry, int rmiServer) {

    /**
     * Added to every port, so that two builds on one machine do not collide:
     * {@code mvn install -Dunion.itests.port-offset=1000}; and so that the test JVMs of one build (Surefire
     * forks, {@code union.itests.fork} 1, 2 …) do not either. Inside a container only the offset is set.
     */
    public static final int PORT_OFFSET = Integer.getInteger("union.itests.port-offset", 0)
            + 20 * (Integer.getInteger("union.itests.fork", 1) - 1);
    /** The Pax Exam containers (one at a time). */
    public static final KarafSetup PAX_EXAM = new KarafSetup(8581, 8501, 1499, 44844).shifted(PORT_OFFSET);
    /** The Karaf that process tests start with bin/karaf. */
    public static final KarafSetup PROCESS = new KarafSetup(8591, 8592, 8593, 8594).shifted(PORT_OFFSET);

    private KarafSetup shifted(int offset) {
        return new KarafSetup(http + offset, ssh + offset, rmiRegistry + offset, rmiServer + offset);
    }

    /** The first operator the core creates on first start (initial.admin.username, default admin). */
    public static final String ADMIN_USERNAME = "admin";
    /** Its password; must pass the core's password policy (10+ characters, no username inside), or the core picks a random one. */
    public static final String ADMIN_PASSWORD = "Itests-Operator-2026";

    /** Every setting, in the order it is applied. */
    public Map<CfgKey, String> settings() {
        Map<CfgKey, String> settings = new LinkedHashMap<>();
        settings.put(CfgKey.HTTP_PORT, Integer.toString(http));
        settings.put(CfgKey.SSH_PORT, Integer.toString(ssh));
        settings.put(CfgKey.RMI_REGISTRY_PORT, Integer.toString(rmiRegistry));
        settings.put(CfgKey.RMI_SERVER_PORT, Integer.toString(rmiServer));
        settings.put(CfgKey.INITIAL_ADMIN_PASSWORD, ADMIN_PASSWORD);
        return settings;
    }

    public String baseUrl() {
        return "http://localhost:" + http;
    }
}
