package cn.edu.cumt.union.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import cn.edu.cumt.union.api.rest.ApiException;

/** For tests: a step refused with this status and error code. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ApiException refused(int status, String code, Runnable step) {
        ApiException e = assertThrows(ApiException.class, step::run);
        assertEquals(e.messageEn(), status, e.status());
        assertEquals(e.messageEn(), code, e.code());
        return e;
    }
}
