package cn.edu.cumt.union.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;
import org.ops4j.pax.exam.options.OptionalCompositeOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import cn.edu.cumt.union.api.storage.SchemaReady;

/**
 * Base of the Pax Exam tests: boots our distribution tar.gz (one container per test class, see
 * {@code @ExamReactorStrategy(PerClass.class)} on each class) with test ports and a known admin
 * password, and gives the test methods, which run inside the container, an HTTP client.
 */
public abstract class UnionKarafTestSupport {

    protected static final KarafSetup SETUP = KarafSetup.PAX_EXAM;
    public static final String CORE_BUNDLE = "cn.edu.cumt.union.union-core";
    public static final String CORE_API_BUNDLE = "cn.edu.cumt.union.union-core-api";
    public static final String STUDY_BUNDLE = "cn.edu.cumt.union.union-plugin-study";
    public static final String BRAND_BUNDLE = "cn.edu.cumt.union.union-plugin-brand";
    /** How long a booted container may take to serve the API. */
    protected static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    @Inject
    protected BundleContext bundleContext;

    /** Registered once the boot features are installed: injecting it makes every test wait for that. */
    @Inject
    @Filter(timeout = 120_000)
    protected BootFinished bootFinished;

    private Rest rest;

    // ---- configuration: runs in the test JVM before the container starts ----

    @Configuration
    public Option[] configuration() {
        // The previous class's container may still be going down: until its Jetty lets the port go, this
        // container could not bind it and the tests would talk to the old one.
        if (System.getProperty("karaf.base") == null) { // the test JVM, never inside a container
            awaitPortFree(SETUP.http(), Duration.ofSeconds(90));
        }
        List<Option> options = new ArrayList<>();
        options.add(distribution());
        bootFeaturesSet = false;
        options.addAll(Arrays.asList(extraOptions()));
        if (!bootFeaturesSet && !pluginsNotUnderTest().isEmpty()) {
            options.add(bootFeaturesWithout());
        }
        return options.toArray(new Option[0]);
    }

    private static void awaitPortFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress("localhost", port), 500);
            } catch (IOException refused) {
                return; // nobody listens: free
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Port " + port + " is still taken after " + timeout.toSeconds()
                + " s: another Karaf (a previous test's, or one you run) listens there; see -Dunion.itests.port-offset");
    }

    /**
     * Work-point plugins this class does not test: left out of its boot, since each boot of the container
     * pays for every plugin (schema, persistence unit, application), and about fifty classes boot one. Each
     * plugin's own IT boots it (override with the plugins it needs kept); the reliability suite runs the
     * whole distribution. Study and brand stay: the core's tests use them as the model plugins.
     */
    protected Set<String> pluginsNotUnderTest() {
        return Set.of("union-congress", "union-welfare", "union-honours");
    }

    private boolean bootFeaturesSet;

    /** Options a test class adds to {@link #distribution()}. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** Our distribution with the test settings; the container sees our local Maven repository. */
    protected Option distribution() {
        List<Option> options = new ArrayList<>();
        options.add(karafDistributionConfiguration()
                .frameworkUrl(Distribution.archive().toUri().toString())
                .karafVersion(Distribution.karafVersion())
                .name("Union")
                .unpackDirectory(Distribution.workDirectory().resolve("exam").toFile())
                .useDeployFolder(false));
        options.add(configureConsole().ignoreLocalConsole());
        options.add(vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"));
        options.add(javaModuleOptions());
        options.add(systemProperty("pax.exam.osgi.unresolved.fail").value("true"));
        // The tests also run inside the container: it must shift its ports the same way.
        options.add(systemProperty("union.itests.port-offset").value(Integer.toString(KarafSetup.PORT_OFFSET)));
        for (Map.Entry<CfgKey, String> setting : SETUP.settings().entrySet()) {
            options.add(set(setting.getKey(), setting.getValue()));
        }
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        if (localRepository != null && !localRepository.isBlank()) {
            options.add(set(CfgKey.MVN_LOCAL_REPOSITORY, localRepository));
        }
        // -Dunion.itests.keep=true keeps target/exam/<uuid> for a look at data/log/karaf.log
        options.add(new OptionalCompositeOption(Boolean.getBoolean("union.itests.keep")).useOptions(keepRuntimeFolder()));
        return composite(options.toArray(new Option[0]));
    }

    /**
     * What bin/karaf passes on Java 9+ and Pax Exam 4.13.5 does not: without the patched java.base
     * the spec locator is missing (NoClassDefFoundError OsgiLocator at boot). Paths are relative to
     * the Karaf home, the container's working directory.
     */
    private static Option javaModuleOptions() {
        String version = Distribution.karafVersion();
        List<Option> options = new ArrayList<>();
        for (String option : List.of(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-" + version + ".jar",
                "--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + version + ".jar",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED")) {
            options.add(vmOption(option));
        }
        return composite(options.toArray(new Option[0]));
    }

    protected static Option set(CfgKey key, String value) {
        return editConfigurationFilePut(key.file(), key.key(), value);
    }

    /** The distribution's boot features less {@code dropped} and the {@link #pluginsNotUnderTest()} (by name, any version). */
    protected Option bootFeaturesWithout(String... dropped) {
        bootFeaturesSet = true;
        Set<String> all = new java.util.LinkedHashSet<>(Arrays.asList(dropped));
        all.addAll(pluginsNotUnderTest());
        return bootFeaturesOf(all.toArray(new String[0]));
    }

    /** The boot features less the {@link #pluginsNotUnderTest()}, plus {@code added} (e.g. a JDBC driver's feature). */
    protected Option bootFeaturesWith(String... added) {
        bootFeaturesSet = true;
        Option without = bootFeaturesOf(pluginsNotUnderTest().toArray(new String[0]));
        String kept = ((org.ops4j.pax.exam.karaf.options.KarafDistributionConfigurationFilePutOption) without).getValue().toString();
        return set(CfgKey.FEATURES_BOOT, String.join(", ", added) + ", " + kept);
    }

    private static Option bootFeaturesOf(String... dropped) {
        Properties cfg = new Properties();
        try {
            cfg.load(new StringReader(Distribution.readEntry("/" + CfgKey.FEATURES_BOOT.file())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String boot = cfg.getProperty(CfgKey.FEATURES_BOOT.key());
        if (boot == null) {
            throw new IllegalStateException("The distribution has no " + CfgKey.FEATURES_BOOT);
        }
        Set<String> names = Set.of(dropped);
        List<String> kept = Arrays.stream(boot.split(",")).map(String::trim).filter(f -> !f.isEmpty())
                .filter(f -> !names.contains(f.split("/")[0].replaceAll("[()]", "").trim()))
                .collect(Collectors.toList());
        if (kept.size() + dropped.length != Arrays.stream(boot.split(",")).filter(f -> !f.isBlank()).count()) {
            throw new IllegalStateException("Not every one of " + names + " is a boot feature: " + boot);
        }
        return set(CfgKey.FEATURES_BOOT, String.join(", ", kept));
    }

    // ---- helpers for test methods: they run inside the container ----

    protected Rest rest() {
        if (rest == null) {
            rest = new Rest(SETUP.baseUrl());
        }
        return rest;
    }

    protected Rest.Reply get(String path) {
        return rest().get(path);
    }

    protected Rest.Reply post(String path, Object json) {
        return rest().post(path, json);
    }

    protected Rest withToken(String token) {
        return rest().withToken(token);
    }

    /** Logs in over {@code POST /api/auth/login} and returns the token. */
    protected String login(String username, String password) {
        return rest().login(username, password);
    }

    /** A client logged in as the first administrator (password set by {@link KarafSetup}). */
    protected Rest asAdmin() {
        return withToken(login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
    }

    /**
     * Uploads the example unit plugin familyday (system property {@code union.itests.familyday-jar}) as
     * {@code admin}, an administrator of MINING, and waits until it answers.
     */
    protected static void installFamilyday(Rest admin) throws java.io.IOException {
        byte[] jar = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(System.getProperty("union.itests.familyday-jar")));
        Rest.Reply installed = admin.uploadForm("/api/plugins", "file", "familyday.jar", jar);
        org.junit.Assert.assertEquals(installed.toString(), 201, installed.status());
        await("familyday answers", Duration.ofSeconds(60), () -> admin.get("/api/familyday/activities").status() == 200);
    }

    protected static Duration await(String what, Duration timeout, Await.Condition condition) {
        return Await.until(what, timeout, condition);
    }

    /** Waits until the API answers {@code path} with {@code status}. */
    protected Duration awaitStatus(String path, int status, Duration timeout) {
        return await("GET " + path + " -> " + status, timeout, () -> get(path).status() == status);
    }

    /** The installed bundle with this symbolic name, or null. */
    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    /** The references matching the LDAP {@code filter} (objectClass included in it); empty when none. */
    protected List<ServiceReference<?>> services(String filter) {
        try {
            ServiceReference<?>[] references = bundleContext.getServiceReferences((String) null, filter);
            return references == null ? List.of() : List.of(references);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /** The service.id of the only service matching the LDAP {@code filter}; fails unless there is exactly one. */
    protected long serviceId(String filter) {
        List<ServiceReference<?>> references = services(filter);
        if (references.size() != 1) {
            throw new AssertionError("Expected one service " + filter + ", found " + references.size());
        }
        return (Long) references.get(0).getProperty("service.id");
    }
    /** Filter of the {@link SchemaReady} service of one schema. */
    protected static String schemaReady(String schemaId) {
        return "(&(objectClass=" + SchemaReady.class.getName() + ")(" + SchemaReady.SCHEMA_ID + "=" + schemaId + "))";
    }
}
