package com.blingauto.platform.web;

import com.blingauto.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the error envelope, for the exception handler (as a {@link ResponseEntity}) and for filters that
 * answer before Spring MVC is reached (written straight to the servlet response).
 */
@Component
public class ErrorResponses {

    private final Clock clock;
    private final JsonMapper json;

    ErrorResponses(Clock clock, JsonMapper json) {
        this.clock = clock;
        this.json = json;
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case VALIDATION_ERROR -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case BUSINESS_RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMIT_EXCEEDED -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public ErrorEnvelope envelope(HttpServletRequest request, ErrorCode code, String message,
                                  Map<String, Object> details, Long resetTime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new ErrorEnvelope(new ErrorEnvelope.Body(code.name(), message, now, RequestIds.of(request),
                details == null ? Map.of() : details, resetTime));
    }

    public ResponseEntity<ErrorEnvelope> entity(HttpServletRequest request, ErrorCode code, String message,
                                                Map<String, Object> details) {
        return entity(request, statusOf(code), code, message, details);
    }

    /** For the one case where the status is not implied by the code: shape errors (422 VALIDATION_ERROR). */
    public ResponseEntity<ErrorEnvelope> entity(HttpServletRequest request, HttpStatus status, ErrorCode code,
                                                String message, Map<String, Object> details) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.body(envelope(request, code, message, details, null));
    }

    public ResponseEntity<ErrorEnvelope> validation(HttpServletRequest request, List<ErrorEnvelope.ValidationError> errors) {
        return entity(request, HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.VALIDATION_ERROR, "Request validation failed",
                Map.of("validation_errors", errors));
    }

    /** Writes the envelope directly, for code that runs outside Spring MVC (filters, security entry points). */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
                      Long resetTime) throws IOException {
        HttpStatus status = statusOf(code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.getOutputStream().write(json.writeValueAsBytes(envelope(request, code, message, Map.of(), resetTime)));
    }
}
