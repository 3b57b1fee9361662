package com.blingauto.shared;

/** The error codes of the v1 error envelope (spec 00, CNV-31). */
public enum ErrorCode {
    VALIDATION_ERROR,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    BUSINESS_RULE_VIOLATION,
    RATE_LIMIT_EXCEEDED,
    INTERNAL_ERROR,
    SERVICE_UNAVAILABLE
}
