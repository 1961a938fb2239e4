package cn.edu.cumt.union.jetty.errors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The JSON that Jetty's own refusals answer: the platform's error shape, and nothing a request put in it unescaped. */
public class ErrorsTest {

    @Test
    public void aBadRequestLineAnswersThePlatformsErrorWithJettysReason() {
        assertEquals("{\"status\":400,\"code\":\"request.malformed\",\"message\":\"请求格式错误（请求行、路径或请求头）\","
                + "\"messageEn\":\"Malformed request (request line, path or headers)\",\"details\":[\"Ambiguous URI path separator\"]}",
                Errors.json(400, "Ambiguous URI path separator"));
    }

    @Test
    public void aReasonCannotBreakOutOfTheJsonString() {
        String json = Errors.json(400, "bad \"}, {\"x\":1 \\ \u0000\n<script>");
        assertTrue(json, json.contains("\"details\":[\"bad \\\"}, {\\\"x\\\":1 \\\\ ??<script>\"]"));
        assertFalse(json.contains("\n"));
    }

    @Test
    public void aLongReasonIsCut() {
        String json = Errors.json(400, "x".repeat(10_000));
        assertTrue(json.length() < 400);
    }

    @Test
    public void serverErrorsSayNothingOfTheCause() {
        assertEquals("server.error", code(Errors.json(500, "java.lang.IllegalStateException: boom")));
        assertFalse(Errors.json(500, "java.lang.IllegalStateException: boom").contains("IllegalState"));
    }

    @Test
    public void everyStatusHasACode() {
        assertEquals("request.method-not-allowed", code(Errors.json(405, null)));
        assertEquals("request.headers-too-large", code(Errors.json(431, null)));
        assertEquals("request.error", code(Errors.json(418, null)));
    }

    @Test
    public void theApiBeforeItIsServedIsStartingNotMissing() {
        assertEquals("platform.starting", code(Errors.json(503, null)));
        assertTrue(JsonErrorHandler.underApi("/api/health"));
        assertTrue(JsonErrorHandler.underApi("/api"));
        assertFalse("another path is a plain 404", JsonErrorHandler.underApi("/apix/health"));
        assertFalse(JsonErrorHandler.underApi("/"));
        assertFalse(JsonErrorHandler.underApi(null));
    }

    private static String code(String json) {
        int start = json.indexOf("\"code\":\"") + 8;
        return json.substring(start, json.indexOf('"', start));
    }
}
