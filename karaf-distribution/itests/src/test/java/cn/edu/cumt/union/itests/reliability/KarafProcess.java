package cn.edu.cumt.union.itests.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import cn.edu.cumt.union.itests.Await;
import cn.edu.cumt.union.itests.CfgKey;
import cn.edu.cumt.union.itests.Distribution;
import cn.edu.cumt.union.itests.KarafSetup;
import cn.edu.cumt.union.itests.Rest;

/**
 * One real Karaf of the reliability checks: our tar.gz unpacked under target/, started with bin/karaf
 * on the process-test ports (loopback only), stopped with bin/stop, or killed with SIGKILL. Every
 * wait has a deadline; {@link #close()} ends the JVM whatever state it is in.
 */
final class KarafProcess implements AutoCloseable {

    static final KarafSetup SETUP = KarafSetup.PROCESS;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final CfgKey LISTEN = new CfgKey("org.ops4j.pax.web", "org.ops4j.pax.web.listening.addresses");
    private static final CfgKey SSH_HOST = new CfgKey("org.apache.karaf.shell", "sshHost");
    private static final CfgKey RMI_REGISTRY_HOST = new CfgKey("org.apache.karaf.management", "rmiRegistryHost");
    private static final CfgKey RMI_SERVER_HOST = new CfgKey("org.apache.karaf.management", "rmiServerHost");

    /** The shipped plugin's endpoint: registered after the core's, so it is the last to answer. */
    private static final String LAST_ENDPOINT = "/api/study/sessions";

    private final Path home;
    private final Rest rest = new Rest(SETUP.baseUrl());
    private Process karaf;

    private KarafProcess(Path home) {
        this.home = home;
    }

    /** A fresh copy in target/reliability/{@code name}, configured for the tests. */
    static KarafProcess unpack(String name) throws IOException {
        Path home = Distribution.unpack(Distribution.workDirectory().resolve("reliability").resolve(name));
        SETUP.settings().forEach((key, value) -> key.write(home, value));
        LISTEN.write(home, "127.0.0.1");
        SSH_HOST.write(home, "127.0.0.1");
        RMI_REGISTRY_HOST.write(home, "127.0.0.1");
        RMI_SERVER_HOST.write(home, "127.0.0.1");
        return new KarafProcess(home);
    }

    Path home() {
        return home;
    }

    Rest rest() {
        return rest;
    }

    /** bin/karaf server, then waits for /api/health 200; returns how long that took. */
    Duration start() throws IOException {
        boolean taken;
        try {
            rest.get("/api/health");
            taken = true;
        } catch (RuntimeException refused) {
            taken = false;
        }
        if (taken) {
            throw new IllegalStateException("Something already answers on " + SETUP.baseUrl() + ": not starting over it");
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        karaf = builder.start();
        Duration healthy = Await.until("GET /api/health -> 200 (see " + home.resolve("data/log/karaf.log") + ")", START_TIMEOUT, () -> {
            if (!karaf.isAlive()) {
                throw new AssertionError("Karaf exited with " + karaf.exitValue() + ", see " + home.resolve("console.log"));
            }
            return rest.get("/api/health").status() == 200;
        });
        // Ready means ready: the plugins' applications serve from the first 200 of /api/health on.
        int plugin = rest.get(LAST_ENDPOINT).status();
        if (plugin != 401) {
            throw new AssertionError("/api/health said UP but " + LAST_ENDPOINT + " answered " + plugin);
        }
        return healthy;
    }

    /** The Karaf JVM: the java child of the bin/karaf shell. */
    ProcessHandle jvm() {
        Optional<ProcessHandle> java = karaf.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
        return java.orElseGet(() -> karaf.toHandle());
    }

    /** SIGKILL of the JVM, no shutdown hooks, no flush: waits until it is gone. */
    void kill(Runnable afterSignal) throws Exception {
        ProcessHandle jvm = jvm();
        jvm.destroyForcibly();
        afterSignal.run();
        jvm.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        karaf.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        karaf = null;
    }

    /** bin/stop and waits for the JVM to end; kills it when it does not. */
    void stop() throws Exception {
        if (karaf == null || !karaf.isAlive()) {
            return;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile())).start();
        stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!karaf.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            close();
        }
        karaf = null;
    }

    /** Lines of karaf.log containing {@code text}. */
    long logLines(String text) throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    @Override
    public void close() {
        if (karaf != null && karaf.isAlive()) {
            karaf.descendants().forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
        }
    }
}
