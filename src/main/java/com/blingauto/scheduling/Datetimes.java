package com.blingauto.scheduling;

import com.blingauto.shared.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Datetime input of CNV-17 (any offset; none means UTC) and the {@code HH:MM:SS} output of CNV-18. */
final class Datetimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Datetimes() {
    }

    static Instant instant(String raw, String field) {
        String value = raw.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("body -> " + field, "Input should be a valid datetime", "format_invalid");
            }
        }
    }

    /** A datetime, or a date meaning 00:00 of that day ({@code endOfDay}: 24:00) in the business time zone. */
    static Instant instantOrDate(String raw, String field, ZoneId zone, boolean endOfDay) {
        String value = raw.strip();
        if (value.length() == 10) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("body -> " + field, "Input should be a valid date or datetime", "format_invalid");
            }
        }
        return instant(value, field);
    }

    static String time(LocalTime time) {
        return time == null ? null : time.format(TIME);
    }
}
