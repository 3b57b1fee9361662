package com.blingauto.shared;

import java.util.Map;

/** A resource that is missing, soft-deleted or not visible to the caller (404, CNV-39). */
public class NotFoundException extends ApiException {

    public NotFoundException(String message, Object identifier) {
        super(ErrorCode.NOT_FOUND, message, identifier == null ? Map.of() : Map.of("identifier", identifier.toString()));
    }

    public NotFoundException(String message) {
        this(message, null);
    }
}
