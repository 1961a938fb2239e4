package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.fasterxml.jackson.databind.JsonNode;

/** The distribution as shipped boots completely and serves the API's public basics. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends UnionKarafTestSupport {

    @Inject
    private FeaturesService features;

    @Inject
    private ServiceComponentRuntime scr;

    @Before
    public void apiIsUp() {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
    }

    @Test
    public void healthAnswersWithoutLogin() {
        Rest.Reply reply = get("/api/health");
        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("UP", reply.json().path("status").asText());
    }

    @Test
    public void unknownPathIsJson404() {
        Rest.Reply reply = get("/api/no-such-resource");
        assertEquals(reply.toString(), 404, reply.status());
        JsonNode error = reply.json();
        assertEquals(404, error.path("status").asInt());
        assertFalse(reply.toString(), error.path("code").asText().isBlank());
        assertFalse(reply.toString(), error.path("message").asText().isBlank());
    }

    @Test
    public void firstOperatorLogsInWithTheConfiguredPassword() {
        Rest admin = asAdmin();
        Rest.Reply me = admin.get("/api/me");
        assertEquals(me.toString(), 200, me.status());
        assertEquals(KarafSetup.ADMIN_USERNAME, me.json().path("username").asText());
        assertFalse("a configured password need not be changed", me.json().path("mustChangePassword").asBoolean(true));
    }

    @Test
    public void withoutOrWithABadLoginTheApiRefuses() {
        Rest.Reply anonymous = get("/api/me");
        assertEquals(anonymous.toString(), 401, anonymous.status());
        assertFalse(anonymous.json().path("code").asText().isBlank());

        Rest.Reply wrong = post(Rest.LOGIN_PATH, Map.of("username", KarafSetup.ADMIN_USERNAME, "password", "Not-The-Password-1"));
        assertEquals(wrong.toString(), 401, wrong.status());
        assertTrue(wrong.toString(), wrong.json().path("token").isMissingNode());

        Rest.Reply forged = withToken("not.a.token").get("/api/me");
        assertEquals(forged.toString(), 401, forged.status());
    }

    @Test
    public void everyBundleIsActiveOrAResolvedFragment() {
        List<String> wrong = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                wrong.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertTrue("Bundles not started: " + wrong, wrong.isEmpty());
    }

    @Test
    public void noComponentOfOursIsBroken() {
        List<String> broken = new ArrayList<>();
        int ours = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            boolean union = description.bundle.symbolicName.startsWith("cn.edu.cumt.union.");
            ours += union ? 1 : 0;
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                boolean failed = configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION;
                boolean unsatisfied = configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE;
                if (failed || (union && unsatisfied)) {
                    broken.add(description.name + " state " + configuration.state
                            + (configuration.failure != null ? ": " + configuration.failure : ""));
                }
            }
            if (union && description.defaultEnabled && scr.getComponentConfigurationDTOs(description).isEmpty()
                    && !"require".equals(description.configurationPolicy)) {
                broken.add(description.name + " has no configuration");
            }
        }
        assertTrue("The core ships components", ours > 0);
        assertTrue("Broken components: " + broken, broken.isEmpty());
    }

    /**
     * Every bundle and the console can read service properties, and DS copies a component's whole
     * configuration into them: the configured first-operator password must not be among them.
     */
    @Test
    public void noServicePropertyHoldsTheConfiguredPassword() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (ServiceReference<?> reference : bundleContext.getAllServiceReferences(null, null)) {
            for (String key : reference.getPropertyKeys()) {
                Object value = reference.getProperty(key);
                String text = value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
                if (text.contains(KarafSetup.ADMIN_PASSWORD)) {
                    leaks.add(reference.getProperty(Constants.SERVICE_PID) + " " + key);
                }
            }
        }
        assertTrue("Service properties holding the password: " + leaks, leaks.isEmpty());
    }

    @Test
    public void coreAndPluginFeaturesAreInstalled() throws Exception {
        for (String name : List.of("union-core", "union-study", "union-brand")) {
            assertNotNull(name + " is known", features.getFeature(name));
            assertTrue(name + " is installed", features.isInstalled(features.getFeature(name)));
        }
        assertNotNull(bundle(CORE_BUNDLE));
        assertNotNull(bundle(STUDY_BUNDLE));
        assertNotNull(bundle(BRAND_BUNDLE));
    }

    @Test
    public void coreAndPluginSchemasAreReady() {
        for (String schema : List.of("core", "study", "brand")) {
            assertTrue(schema, serviceId(schemaReady(schema)) > 0);
        }
    }

    /** The operator's console answers on loopback only (sshHost = 127.0.0.1 in the distribution). */
    @Test
    public void theSshConsoleListensOnLoopbackOnly() throws Exception {
        int port = SETUP.ssh();
        await("ssh on loopback", BOOT_TIMEOUT, () -> connects(java.net.InetAddress.getLoopbackAddress(), port));
        List<java.net.InetAddress> outside = new ArrayList<>();
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    outside.add(address);
                }
            }
        }
        for (java.net.InetAddress address : outside) {
            assertFalse("ssh answers on " + address, connects(address, port));
        }
    }

    private static boolean connects(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 1000);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    /** Nothing describes or serves the API anonymously outside /api: no CXF service list, no WADL. */
    @Test
    public void noServiceListOrWadlForStrangers() {
        for (String path : List.of("/cxf/services", "/cxf", "/api/?_wadl", "/api/me?_wadl", "/api/study?_wadl", "/api/study/sessions?_wadl",
                "/api/health?_wadl")) {
            Rest.Reply reply = get(path);
            assertFalse(path + " -> " + reply, reply.status() == 200 && reply.body().contains("<"));
            assertFalse(path + " -> " + reply, reply.body().contains("wadl") || reply.body().contains("Available RESTful services"));
        }
    }

    /**
     * What never reaches a resource still answers the platform's JSON: a URI Java cannot parse (was
     * Jetty's HTML 500 naming the exception), Jetty's own refusals below /api (was its HTML page), what
     * Jetty refuses before any context (an encoded NUL or path separator: was "Bad Message 400" in HTML;
     * TRACE: was an empty 405; a ..%2f that Jetty resolves out of /api meets the web app's JSON 404),
     * a 405 with Allow; and every answer says nosniff and no-store.
     */
    @Test
    public void everyAnswerUnderApiIsTheJsonErrorWithSafeHeaders() throws Exception {
        for (String[] probe : new String[][] { { "GET", "/api/%uff0e", "400" }, { "GET", "/api/study/%uff0e", "400" },
                { "GET", "/api/WEB-INF/web.xml", "404" }, { "GET", "/api/study/WEB-INF/web.xml", "404" },
                { "GET", "/api/no-such-thing", "404" }, { "DELETE", "/api/health", "405" }, { "GET", "/api/me", "401" },
                { "GET", "/api/%00", "400" }, { "GET", "/api/study/..%2f..%2fetc/passwd", "404" },
                { "TRACE", "/api/me", "405" }, { "TRACE", "/api/study/sessions", "405" }, { "TRACK", "/", "405" },
                { "GET", "/api/health", "200" } }) {
            String answer = raw(probe[0], probe[1]);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            String what = probe[0] + " " + probe[1] + " -> " + answer;
            assertTrue(what, head.startsWith("http/1.1 " + probe[2]));
            assertTrue(what, head.contains("content-type: application/json"));
            assertTrue(what, head.contains("x-content-type-options: nosniff"));
            assertTrue(what, head.contains("cache-control: no-store"));
            assertFalse(what, body.contains("<") || body.contains("Exception") || body.contains("jetty"));
            if (!probe[2].equals("200")) {
                assertTrue(what, body.contains("\"status\":" + probe[2]) && body.contains("\"code\""));
            }
            if (probe[2].equals("405")) {
                assertTrue(what, head.contains("\r\nallow: "));
            }
        }
    }

    /** One request as bytes on a socket: java.net.URI would refuse to send the malformed ones. */
    private static String raw(String method, String path) throws java.io.IOException {
        java.net.URI base = java.net.URI.create(SETUP.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
