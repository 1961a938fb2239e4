package cn.edu.cumt.union.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One real Karaf of the process tests (RestartIT, BackupRestoreIT, the reliability checks): our tar.gz
 * unpacked under target/, started with bin/karaf on the process-test ports, stopped with bin/stop, or
 * killed with SIGKILL. Every wait has a deadline; {@link #close()} ends the JVM whatever state it is in.
 */
public final class KarafProcess implements AutoCloseable {

    public static final KarafSetup SETUP = KarafSetup.PROCESS;
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

    /** A fresh copy in target/{@code folder} (a path below the itests' work directory), on the test ports. */
    public static KarafProcess unpack(String folder) throws IOException {
        Path home = Distribution.unpack(Distribution.workDirectory().resolve(folder));
        SETUP.settings().forEach((key, value) -> key.write(home, value));
        return new KarafProcess(home);
    }

    /** Listens on 127.0.0.1 only (HTTP, ssh, JMX): what the reliability checks run on. */
    public KarafProcess loopbackOnly() {
        LISTEN.write(home, "127.0.0.1");
        SSH_HOST.write(home, "127.0.0.1");
        RMI_REGISTRY_HOST.write(home, "127.0.0.1");
        RMI_SERVER_HOST.write(home, "127.0.0.1");
        return this;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return home.resolve("data/log/karaf.log");
    }

    public Rest rest() {
        return rest;
    }

    /**
     * bin/karaf server, then waits for /api/health 200; returns how long that took. What a load balancer
     * sees is checked on the way: from the port's first answer on, only 503 until 200, never a 404.
     */
    public Duration start() throws IOException {
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
        List<String> answers = new ArrayList<>();
        Duration healthy = Await.until("GET /api/health -> 200 (see " + log() + ")", START_TIMEOUT, () -> {
            if (!karaf.isAlive()) {
                throw new AssertionError("Karaf exited with " + karaf.exitValue() + ", see " + home.resolve("console.log"));
            }
            Rest.Reply health = rest.get("/api/health");
            if (answers.isEmpty() || !answers.get(answers.size() - 1).startsWith(health.status() + " ")) {
                answers.add(health.status() + " " + health.body().substring(0, Math.min(80, health.body().length())));
            }
            return health.status() == 200;
        });
        System.out.println(home.getParent().getFileName() + ": /api/health 200 after " + healthy.toMillis() + " ms; answers " + answers);
        if (!answers.stream().allMatch(answer -> answer.startsWith("503 ") || answer.startsWith("200 "))) {
            throw new AssertionError("only 503 before 200: " + answers);
        }
        // Ready means ready: the plugins' applications serve from the first 200 of /api/health on.
        int plugin = rest.get(LAST_ENDPOINT).status();
        if (plugin != 401) {
            throw new AssertionError("/api/health said UP but " + LAST_ENDPOINT + " answered " + plugin);
        }
        return healthy;
    }

    /** The Karaf JVM: the java child of the bin/karaf shell. */
    public ProcessHandle jvm() {
        Optional<ProcessHandle> java = karaf.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
        return java.orElseGet(() -> karaf.toHandle());
    }

    /** SIGKILL of the JVM, no shutdown hooks, no flush: waits until it is gone. */
    public void kill(Runnable afterSignal) throws Exception {
        ProcessHandle jvm = jvm();
        jvm.destroyForcibly();
        afterSignal.run();
        jvm.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        karaf.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        karaf = null;
    }

    /**
     * bin/stop and waits for the JVM and its children to end; kills them when they do not.
     * @return whether it stopped by itself within the deadline
     */
    public boolean stop() throws Exception {
        if (karaf == null || !karaf.isAlive()) {
            return true;
        }
        List<ProcessHandle> children = karaf.descendants().toList();
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile())).start();
        boolean cleanly = stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                && karaf.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            cleanly &= child.onExit().completeOnTimeout(null, STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get() != null;
        }
        if (!cleanly) {
            children.forEach(ProcessHandle::destroyForcibly);
            close();
        }
        karaf = null;
        return cleanly;
    }

    /** Lines of karaf.log containing {@code text}. */
    public long logLines(String text) throws IOException {
        Path log = log();
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
