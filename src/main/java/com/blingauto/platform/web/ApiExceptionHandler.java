package com.blingauto.platform.web;

import com.blingauto.shared.ApiException;
import com.blingauto.shared.ConflictException;
import com.blingauto.shared.ErrorCode;
import com.blingauto.shared.InvalidRequestException;
import com.blingauto.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place that knows HTTP for errors: every exception becomes the envelope of CNV-28 with the status
 * of CNV-31. Unexpected exceptions are logged with their stack trace and answered without internals.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String MALFORMED_JSON = "Malformed JSON body";

    private final ErrorResponses errors;

    ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> api(ApiException e, HttpServletRequest request) {
        if (e instanceof InvalidRequestException) {
            return errors.entity(request, HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage(), e.details());
        }
        ResponseEntity<ErrorEnvelope> entity = errors.entity(request, e.code(), e.getMessage(), e.details());
        if (e instanceof TooManyRequestsException tooMany) {
            long seconds = Math.max(1, tooMany.retryAfter().toSeconds() + (tooMany.retryAfter().toNanosPart() > 0 ? 1 : 0));
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(entity.getBody());
        }
        return entity;
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorEnvelope> notFound(Exception e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.NOT_FOUND, "Not Found", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<ErrorEnvelope> body = errors.entity(request, ErrorCode.METHOD_NOT_ALLOWED, "Method Not Allowed", Map.of());
        Set<?> allowed = e.getSupportedHttpMethods();
        if (allowed == null || allowed.isEmpty()) {
            return body;
        }
        return ResponseEntity.status(body.getStatusCode()).headers(body.getHeaders())
                .header(HttpHeaders.ALLOW, StringUtils.collectionToCommaDelimitedString(allowed))
                .body(body.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String type = e.getContentType() == null ? "application/octet-stream"
                : e.getContentType().getType() + "/" + e.getContentType().getSubtype();
        return errors.entity(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type '" + type + "' is not supported", Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorEnvelope> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, PayloadTooLargeException.MESSAGE, Map.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return errors.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, PayloadTooLargeException.MESSAGE, Map.of());
            }
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return errors.validation(request, List.of(typeError(mismatch)));
            }
            if (t instanceof JacksonException jackson && jackson.getCause() instanceof IllegalArgumentException iae
                    && !jackson.getPath().isEmpty()) {
                // a @JsonCreator (enums, value types) refused the value: its message is written for clients
                return errors.validation(request, List.of(new ErrorEnvelope.ValidationError(
                        bodyPath(jackson), iae.getMessage(), iae.getMessage() != null && iae.getMessage().startsWith("Value must be one of") ? "enum" : "value_error")));
            }
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return errors.validation(request, List.of(new ErrorEnvelope.ValidationError("body", "Field required", "missing")));
        }
        return errors.validation(request, List.of(new ErrorEnvelope.ValidationError("body", MALFORMED_JSON, "json_invalid")));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorEnvelope> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ErrorEnvelope.ValidationError> list = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            list.add(new ErrorEnvelope.ValidationError("body -> " + Validations.path(fe.getField()),
                    fe.getDefaultMessage(), Validations.type(fe.getCode(), fe.getRejectedValue(), violation(fe))));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                list.add(new ErrorEnvelope.ValidationError("body", ge.getDefaultMessage(), "value_error")));
        return errors.validation(request, list);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorEnvelope> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<ErrorEnvelope.ValidationError> list = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String location = Validations.location(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> {
                String code = error.getCodes() == null || error.getCodes().length == 0 ? null
                        : error.getCodes()[error.getCodes().length - 1];
                list.add(new ErrorEnvelope.ValidationError(location, error.getDefaultMessage(),
                        Validations.type(code, result.getArgument(), null)));
            });
        });
        return errors.validation(request, list);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String location = Validations.location(e.getParameter());
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum() ? Validations.enumMessage(type)
                : "Input should be a valid " + Validations.typeName(type);
        return errors.validation(request, List.of(new ErrorEnvelope.ValidationError(location, message,
                Validations.mismatchType(type))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return errors.validation(request, List.of(new ErrorEnvelope.ValidationError("query -> " + e.getParameterName(),
                "Field required", "missing")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return errors.validation(request, List.of(new ErrorEnvelope.ValidationError("header -> " + e.getHeaderName(),
                "Field required", "missing")));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ErrorEnvelope> lostUpdate(OptimisticLockingFailureException e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.CONFLICT, ConflictException.CONCURRENT_MODIFICATION, Map.of());
    }

    /** A deadlock or serialization failure (SQLState 40P01, 40001), or a lock wait timed out: the request lost a race. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ErrorEnvelope> lostRace(DataAccessException e, HttpServletRequest request) {
        log.warn("Concurrent request lost a database lock (SQLState {}): {}", sqlState(e), e.getMostSpecificCause().getMessage());
        return errors.entity(request, ErrorCode.CONFLICT, ConflictException.CONCURRENT_MODIFICATION, Map.of());
    }

    /** Spring leaves PostgreSQL's lock timeout (55P03) uncategorized; it is a lost race too. */
    @ExceptionHandler(UncategorizedSQLException.class)
    ResponseEntity<ErrorEnvelope> uncategorized(UncategorizedSQLException e, HttpServletRequest request) {
        if ("55P03".equals(sqlState(e))) {
            return lostRace(e, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorEnvelope> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        String state = sqlState(e);
        log.warn("Integrity violation not mapped by its module (SQLState {}): {}", state, e.getMostSpecificCause().getMessage());
        if ("23505".equals(state) || "23P01".equals(state)) {
            return errors.entity(request, ErrorCode.CONFLICT, "The request conflicts with existing data", Map.of());
        }
        return errors.entity(request, HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.VALIDATION_ERROR,
                "The request breaks a data constraint", Map.of());
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class})
    ResponseEntity<ErrorEnvelope> databaseDown(Exception e, HttpServletRequest request) {
        log.error("Database unavailable: {}", e.getMessage());
        return errors.entity(request, ErrorCode.SERVICE_UNAVAILABLE, "Service temporarily unavailable", Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorEnvelope> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.FORBIDDEN, "Forbidden", Map.of());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ErrorEnvelope> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.UNAUTHORIZED, "Not authenticated", Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return errors.entity(request, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", Map.of());
    }

    private static ErrorEnvelope.ValidationError typeError(MismatchedInputException e) {
        String field = bodyPath(e);
        if (e.getTargetType() == null) {
            return new ErrorEnvelope.ValidationError("body", MALFORMED_JSON, "json_invalid");
        }
        if (e instanceof InvalidFormatException && e.getTargetType().isEnum()) {
            return new ErrorEnvelope.ValidationError(field, "Input should be a valid value", "enum");
        }
        return new ErrorEnvelope.ValidationError(field, "Input should be a valid " + Validations.typeName(e.getTargetType()),
                Validations.mismatchType(e.getTargetType()));
    }

    private static String bodyPath(JacksonException e) {
        StringBuilder path = new StringBuilder("body");
        for (JacksonException.Reference ref : e.getPath()) {
            path.append(" -> ").append(ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()));
        }
        return path.toString();
    }

    private static ConstraintViolation<?> violation(FieldError fe) {
        try {
            return fe.unwrap(ConstraintViolation.class);
        } catch (IllegalArgumentException notAViolation) {
            return null;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
