package com.blingauto.shared;

import java.util.List;
import java.util.Map;

/**
 * A shape error found in code rather than by annotations (422 VALIDATION_ERROR with one validation error),
 * e.g. a cross-field rule; {@code field} is the CNV-30 location such as {@code body -> new_password}.
 */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String field, String message, String type) {
        super(ErrorCode.VALIDATION_ERROR, "Request validation failed",
                Map.of("validation_errors", List.of(Map.of("field", field, "message", message, "type", type))));
    }
}
