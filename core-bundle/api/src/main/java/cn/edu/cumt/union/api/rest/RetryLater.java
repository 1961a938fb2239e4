package cn.edu.cumt.union.api.rest;

import java.time.Duration;

/**
 * A refusal that lifts by itself (a lock, a throttle: usually 429 or 423): the platform's error mapper
 * answers it with {@code Retry-After}, the whole seconds left, at least 1, so that a client knows when
 * to come back. E.g. {@code new RetryLater(429, "study.check-in.too-many-attempts", "…", "…", left)}.
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
