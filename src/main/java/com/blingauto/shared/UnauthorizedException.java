package com.blingauto.shared;

import java.util.Map;

/** Missing or bad credentials (401); the handler adds {@code WWW-Authenticate: Bearer}. */
public class UnauthorizedException extends ApiException {

    public UnauthorizedException(String message) {
        super(ErrorCode.UNAUTHORIZED, message, Map.of());
    }
}
