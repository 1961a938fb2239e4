package cn.edu.cumt.union.jetty.errors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;

import org.junit.Test;

/** CXF's own HTML "No service was found." while an endpoint is being bound becomes the platform's 503; nothing else changes. */
public class EndpointPendingTest {

    private static final class Sent {
        int status = 200;
        String type;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final StringWriter text = new StringWriter();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8) + text;
        }
    }

    private static HttpServletResponse fake(Sent sent) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                sent.bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(EndpointPendingTest.class.getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                    case "setStatus" -> sent.status = (Integer) args[0];
                    case "setContentType" -> sent.type = (String) args[0];
                    case "setHeader" -> sent.headers.put((String) args[0], (String) args[1]);
                    case "getOutputStream" -> {
                        return out;
                    }
                    case "getWriter" -> {
                        return new PrintWriter(sent.text, true);
                    }
                    case "isCommitted" -> {
                        return false;
                    }
                    default -> {
                    }
                    }
                    return null;
                });
    }

    @Test
    public void cxfsNoServicePageBecomesTheStartingAnswer() throws Exception {
        Sent sent = new Sent();
        EndpointPending.Watch response = new EndpointPending.Watch(fake(sent));
        // what CXF's servlet controller does when no endpoint matches
        response.setStatus(404);
        response.setContentType("text/html");
        response.getWriter().write("<html><body>No service was found.</body></html>");
        assertTrue(response.replaced());
        assertEquals(503, sent.status);
        assertEquals("5", sent.headers.get("Retry-After"));
        assertTrue(sent.type, sent.type.startsWith("application/json"));
        assertTrue(sent.body(), sent.body().contains("\"code\":\"platform.starting\""));
        assertFalse(sent.body(), sent.body().contains("No service"));
    }

    @Test
    public void jettysNoServletAndUnavailableErrorsBecomeTheStartingAnswer() throws Exception {
        for (int status : new int[] { 404, 503 }) {
            Sent sent = new Sent();
            EndpointPending.Watch response = new EndpointPending.Watch(fake(sent));
            response.sendError(status);
            assertTrue(response.replaced());
            assertEquals(503, sent.status);
            assertEquals("5", sent.headers.get("Retry-After"));
            assertTrue(sent.body(), sent.body().contains("\"code\":\"platform.starting\""));
        }
        Sent tooLarge = new Sent();
        EndpointPending.Watch response = new EndpointPending.Watch(fake(tooLarge));
        response.sendError(413);
        assertFalse("other errors go their way", response.replaced());
    }

    @Test
    public void jettysRefusalOfProtectedTargetsIsNotTakenForAStart() {
        assertTrue(EndpointPending.protectedTarget("/api/WEB-INF/web.xml"));
        assertTrue(EndpointPending.protectedTarget("/api/study/meta-inf/MANIFEST.MF"));
        assertFalse(EndpointPending.protectedTarget("/api/health"));
    }

    @Test
    public void theApplicationsOwnAnswersPassUnchanged() throws Exception {
        Sent json404 = new Sent();
        EndpointPending.Watch response = new EndpointPending.Watch(fake(json404));
        response.setStatus(404);
        response.setContentType("application/json");
        response.getOutputStream().write("{\"code\":\"member.not-found\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(response.replaced());
        assertEquals(404, json404.status);
        assertTrue(json404.body().contains("member.not-found"));

        Sent html200 = new Sent();
        EndpointPending.Watch page = new EndpointPending.Watch(fake(html200));
        page.setContentType("text/html");
        page.getWriter().write("<p>ok</p>");
        assertFalse(page.replaced());
        assertEquals(200, html200.status);
        assertEquals("<p>ok</p>", html200.body());
    }
}
