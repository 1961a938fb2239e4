package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.ApiException;

public class BodyLimitTest {

    @Test
    public void aBodyUpToTheLimitIsReadWhole() throws Exception {
        try (InputStream in = new BodyLimit.Counted(new ByteArrayInputStream(new byte[1000]), 1000)) {
            assertEquals(1000, in.readAllBytes().length);
        }
    }

    @Test
    public void oneByteMoreIsRefusedWith413WhicheverWayItIsRead() throws Exception {
        for (int way = 0; way < 3; way++) {
            try (InputStream in = new BodyLimit.Counted(new ByteArrayInputStream(new byte[1001]), 1000)) {
                switch (way) {
                case 0 -> in.readAllBytes();
                case 1 -> {
                    while (in.read() >= 0) {
                        // byte by byte
                    }
                }
                default -> {
                    in.skip(600);
                    in.readAllBytes();
                }
                }
                fail("read past the limit, way " + way);
            } catch (ApiException e) {
                assertEquals(413, e.status());
                assertEquals("request.too-large", e.code());
            }
        }
    }

    @Test
    public void aBodyTheReaderCannotParseIsA400AndTheLimitStaysA413() {
        ApiException malformed = BodyLimit.malformed(new org.apache.cxf.interceptor.Fault(
                new IllegalStateException("Couldn't determine the boundary from the message!")));
        assertEquals(400, malformed.status());
        assertEquals("request.malformed-body", malformed.code());
        ApiException limit = BodyLimit.tooLarge(10);
        assertEquals(limit, BodyLimit.malformed(new org.apache.cxf.interceptor.Fault(new RuntimeException(limit))));
    }
}
