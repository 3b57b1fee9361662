package com.blingauto.shared;

import java.util.Map;

/** Authenticated, but not allowed to do this (403). */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message, Map.of());
    }
}
