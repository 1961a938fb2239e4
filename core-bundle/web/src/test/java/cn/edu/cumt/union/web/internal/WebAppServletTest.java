package cn.edu.cumt.union.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.Test;

/** What the app's servlet answers for a path that is not its own: the API while it is not served yet, or nothing. */
public class WebAppServletTest {

    private final WebAppServlet servlet = new WebAppServlet(new WebAssets(Map.of(
            "index.html", "<!doctype html>".repeat(20).getBytes(StandardCharsets.UTF_8))));

    @Test
    public void theApiBeforeItIsServedAnswers503WithRetryAfterForEveryMethod() throws Exception {
        for (String method : new String[] { "GET", "POST", "HEAD", "DELETE" }) {
            Answer answer = call(method, "/api/health");
            assertEquals(method, 503, answer.status);
            assertEquals("5", answer.headers.get("Retry-After"));
            if (!"HEAD".equals(method)) {
                assertTrue(answer.body(), answer.body().contains("\"code\":\"platform.starting\""));
            }
        }
        assertEquals(503, call("GET", "/api").status);
    }

    @Test
    public void otherPathsAreTheAppOrAJson404() throws Exception {
        assertEquals(200, call("GET", "/").status);
        Answer missing = call("GET", "/apix/health");
        assertEquals(404, missing.status);
        assertTrue(missing.body().contains("web.not-found"));
        assertEquals(405, call("POST", "/").status);
    }

    private static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        String body() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private Answer call(String method, String path) throws Exception {
        Answer answer = new Answer();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                case "getMethod" -> method;
                case "getServletPath" -> path;
                default -> null;
                });
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.out.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, m, args) -> {
                    switch (m.getName()) {
                    case "setStatus" -> answer.status = (Integer) args[0];
                    case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                    case "getOutputStream" -> {
                        return stream;
                    }
                    default -> {
                    }
                    }
                    return null;
                });
        servlet.service(request, response);
        return answer;
    }
}
