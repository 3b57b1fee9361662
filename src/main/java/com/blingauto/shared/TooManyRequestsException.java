package com.blingauto.shared;

import java.time.Duration;
import java.util.Map;

/** A budget of a module's own (e.g. logins per account) is spent: 429 with {@code Retry-After}. */
public class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMIT_EXCEEDED, message, Map.of());
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
