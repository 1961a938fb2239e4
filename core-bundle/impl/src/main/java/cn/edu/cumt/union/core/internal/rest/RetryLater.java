package cn.edu.cumt.union.core.internal.rest;

import java.time.Duration;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * A refusal that lifts by itself (a lock, a throttle): the {@link ErrorMapper} adds
 * {@code Retry-After} with the whole seconds left, at least 1.
 */
public class RetryLater extends ApiException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RetryLater(int status, String code, String messageZh, String messageEn, Duration retryAfter) {
        super(status, code, messageZh, messageEn);
        long millis = Math.max(0, retryAfter.toMillis());
        this.retryAfterSeconds = Math.max(1, (millis + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
