package cn.edu.cumt.union.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One key of a Karaf configuration: the pid names the file {@code etc/<pid>.cfg}. Pid and key live
 * together so a test never sets a key in the wrong file.
 */
public record CfgKey(String pid, String key) {

    public static final CfgKey HTTP_PORT = new CfgKey("org.ops4j.pax.web", "org.osgi.service.http.port");
    public static final CfgKey SSH_PORT = new CfgKey("org.apache.karaf.shell", "sshPort");
    public static final CfgKey RMI_REGISTRY_PORT = new CfgKey("org.apache.karaf.management", "rmiRegistryPort");
    public static final CfgKey RMI_SERVER_PORT = new CfgKey("org.apache.karaf.management", "rmiServerPort");
    public static final CfgKey FEATURES_BOOT = new CfgKey("org.apache.karaf.features", "featuresBoot");
    public static final CfgKey MVN_LOCAL_REPOSITORY = new CfgKey("org.ops4j.pax.url.mvn", "org.ops4j.pax.url.mvn.localRepository");
    /** Read by the core's auth component when it creates the first administrator. */
    public static final CfgKey INITIAL_ADMIN_PASSWORD = new CfgKey("cn.edu.cumt.union.auth", ".initial.admin.password");

    /** The file, relative to the Karaf home. */
    public String file() {
        return "etc/" + pid + ".cfg";
    }

    /**
     * Sets the key in its file, adding the key or the file when absent: for a Karaf unpacked by hand,
     * or a running one (whose Config Admin then applies it).
     */
    public void write(Path karafHome, String value) {
        Path file = karafHome.resolve(file());
        Pattern existing = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
            List<String> result = new ArrayList<>();
            boolean replaced = false;
            for (String line : lines) {
                if (existing.matcher(line).matches()) {
                    if (!replaced) {
                        result.add(key + " = " + value);
                        replaced = true;
                    }
                    // a continued value (trailing backslash) is not used for the keys we set
                } else {
                    result.add(line);
                }
            }
            if (!replaced) {
                result.add(key + " = " + value);
            }
            // A running Karaf watches etc/ (fileinstall): it must see the old file or the new one, never half of it.
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, result, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set " + key + " in " + file, e);
        }
    }
}
