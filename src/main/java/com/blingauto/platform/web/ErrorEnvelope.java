package com.blingauto.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** The error body of every non-health error response (CNV-28). */
public record ErrorEnvelope(Body error) {

    public record Body(
            String code,
            String message,
            Instant timestamp,
            String requestId,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> details,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long resetTime) {
    }

    /** One item of {@code details.validation_errors} (CNV-30). */
    public record ValidationError(String field, String message, String type) {
    }
}
