package com.blingauto.platform.web;

import jakarta.validation.ConstraintViolation;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Maps Bean Validation and binding failures to the field paths and types of CNV-30. */
final class Validations {

    private Validations() {
    }

    /** {@code firstName} → {@code first_name}; {@code items[0].unitPrice} → {@code items -> 0 -> unit_price}. */
    static String path(String javaPath) {
        return snake(javaPath).replaceAll("\\[(\\d+)]", ".$1").replace(".", " -> ");
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String location(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            return "query -> " + (query.name().isEmpty() ? query.value() : query.name());
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return "path -> " + (path.name().isEmpty() ? path.value() : path.name());
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return "header -> " + (header.name().isEmpty() ? header.value() : header.name());
        }
        return "query -> " + snake(String.valueOf(parameter.getParameterName()));
    }

    static String type(String constraint, Object rejected, ConstraintViolation<?> violation) {
        if (constraint == null) {
            return "value_error";
        }
        return switch (constraint) {
            case "NotNull" -> "missing";
            case "NotBlank", "NotEmpty" -> rejected == null ? "missing"
                    : rejected instanceof Collection<?> ? "list_too_short" : "string_too_short";
            case "Size", "Length" -> size(rejected, violation);
            case "Min", "DecimalMin", "Positive", "PositiveOrZero", "Future", "FutureOrPresent" -> "too_small";
            case "Max", "DecimalMax", "Negative", "NegativeOrZero", "Past", "PastOrPresent" -> "too_large";
            case "Digits" -> "decimal_places";
            case "Email", "Pattern" -> "format_invalid";
            default -> "value_error";
        };
    }

    private static String size(Object rejected, ConstraintViolation<?> violation) {
        int length = rejected instanceof Collection<?> c ? c.size()
                : rejected instanceof Map<?, ?> m ? m.size()
                : rejected == null ? 0 : rejected.toString().codePointCount(0, rejected.toString().length());
        int min = 0;
        if (violation != null && violation.getConstraintDescriptor().getAttributes().get("min") instanceof Integer m) {
            min = m;
        }
        boolean tooShort = length < min;
        if (rejected instanceof Collection<?> || rejected instanceof Map<?, ?>) {
            return tooShort ? "list_too_short" : "list_too_long";
        }
        return tooShort ? "string_too_short" : "string_too_long";
    }

    /** {@code Value must be one of: a, b, c} in the enum's wire spelling (CNV-26). */
    static String enumMessage(Class<?> type) {
        StringBuilder values = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            if (!values.isEmpty()) {
                values.append(", ");
            }
            values.append(EnumConverters.wire((Enum<?>) constant));
        }
        return "Value must be one of: " + values;
    }

    static String mismatchType(Class<?> type) {
        if (type == null) {
            return "type_invalid";
        }
        if (type == UUID.class) {
            return "uuid_invalid";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "format_invalid";
        }
        return "type_invalid";
    }

    static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "date/time";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }
}
