package com.blingauto.platform.web;

import com.blingauto.shared.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (raised by the servlet container or a filter) get the same
 * envelope as every other error, never Spring's default body or the container's HTML page.
 */
@RestController
class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    private final ErrorResponses errors;

    JsonErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status == 500 && databaseUnavailable(failure)) {
            log.error("Database unavailable: {}", failure.getMessage());
            status = 503;
        }
        return switch (status) {
            case 400 -> errors.entity(request, ErrorCode.VALIDATION_ERROR, "Bad Request", Map.of());
            case 401 -> errors.entity(request, ErrorCode.UNAUTHORIZED, "Not authenticated", Map.of());
            case 403 -> errors.entity(request, ErrorCode.FORBIDDEN, "Forbidden", Map.of());
            case 404 -> errors.entity(request, ErrorCode.NOT_FOUND, "Not Found", Map.of());
            case 405 -> errors.entity(request, ErrorCode.METHOD_NOT_ALLOWED, "Method Not Allowed", Map.of());
            case 413 -> errors.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, PayloadTooLargeException.MESSAGE, Map.of());
            case 415 -> errors.entity(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", Map.of());
            case 503 -> errors.entity(request, ErrorCode.SERVICE_UNAVAILABLE, "Service temporarily unavailable", Map.of());
            default -> {
                log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
                yield errors.entity(request, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", Map.of());
            }
        };
    }

    /** A filter (authentication) that needed the database while it was unreachable. */
    private static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
