package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.ErrorDTO;
import cn.edu.cumt.union.api.rest.RetryLater;

public class ErrorMapperTest {

    @Test
    public void clientMistakesBecome4xxWithAReason() {
        ErrorDTO api = ErrorMapper.describe(ApiException.missingField("name"));
        assertEquals(400, api.status());
        assertEquals("request.field-missing", api.code());
        assertTrue(api.message().contains("name"));

        assertEquals("request.malformed-json", ErrorMapper.describe(new JsonParseException((JsonParser) null, "bad")).code());
        ErrorDTO unknown = ErrorMapper.describe(new UnrecognizedPropertyException((JsonParser) null, "unknown field",
                null, Object.class, "extra", List.of()));
        assertEquals(400, unknown.status());
        assertEquals("request.field-unknown", unknown.code());
        assertEquals("resource.not-found", ErrorMapper.fromStatus(404).code());
        assertEquals(415, ErrorMapper.fromStatus(415).status());
    }

    @Test
    public void aRefusalThatLiftsByItselfSaysWhenInRetryAfter() {
        RetryLater later = new RetryLater(429, "auth.too-many-attempts", "稍后", "later", java.time.Duration.ofMillis(90_001));
        javax.ws.rs.core.Response response = new ErrorMapper().toResponse(new RuntimeException(later));
        assertEquals(429, response.getStatus());
        assertEquals("91", response.getHeaderString("Retry-After"));
        assertEquals("1", new ErrorMapper().toResponse(new RetryLater(423, "a.b", "锁", "locked", java.time.Duration.ZERO))
                .getHeaderString("Retry-After"));
        assertEquals(null, new ErrorMapper().toResponse(ApiException.conflict("x.y", "冲突", "conflict")).getHeaderString("Retry-After"));
    }

    @Test
    public void aWrappedApiExceptionKeepsItsStatus() {
        ErrorDTO wrapped = ErrorMapper.describe(new RuntimeException(ApiException.conflict("x.y", "冲突", "conflict")));
        assertEquals(409, wrapped.status());
    }

    @Test
    public void bugsAre500WithAnIncidentAndNoInternals() {
        ErrorDTO bug = ErrorMapper.describe(new IllegalStateException("secret internals"));
        assertEquals(500, bug.status());
        assertFalse(bug.message().contains("secret"));
        assertFalse(bug.messageEn().contains("secret"));
        assertTrue(bug.messageEn().contains("incident"));
    }

    @Test
    public void aClientThatHangsUpIsNotAServerError() {
        assertTrue(ErrorMapper.clientWentAway(new RuntimeException(new IOException("Broken pipe"))));
        assertFalse(ErrorMapper.clientWentAway(new IOException("disk full")));
    }
}
