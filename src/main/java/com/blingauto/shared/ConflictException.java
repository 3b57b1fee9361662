package com.blingauto.shared;

import java.util.Map;

/** A duplicate of a unique key, a taken slot or a lost race (409). */
public class ConflictException extends ApiException {

    public static final String CONCURRENT_MODIFICATION =
            "The resource was modified by another request; reload and retry";

    public ConflictException(String message, String field) {
        super(ErrorCode.CONFLICT, message, field == null ? Map.of() : Map.of("field", field));
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(ErrorCode.CONFLICT, message, details);
    }

    public static ConflictException concurrentModification() {
        return new ConflictException(CONCURRENT_MODIFICATION, (String) null);
    }
}
