package com.blingauto.shared;

import java.util.Map;

/**
 * Base of every exception a module throws on purpose. It carries the wire code and the details of the
 * error envelope; only the platform's exception handler turns it into an HTTP status.
 */
public abstract class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    protected ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
