package com.blingauto.shared;

import java.util.Map;

/** Well-formed input that breaks a rule of the value itself (400 VALIDATION_ERROR). */
public class DomainValidationException extends ApiException {

    public DomainValidationException(String message, String field) {
        super(ErrorCode.VALIDATION_ERROR, message, field == null ? Map.of() : Map.of("field", field));
    }

    public DomainValidationException(String message) {
        this(message, null);
    }
}
