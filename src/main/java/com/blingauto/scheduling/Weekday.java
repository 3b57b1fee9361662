package com.blingauto.scheduling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;

/** {@code DayOfWeek} of spec 07 §4 in its wire spelling. */
public enum Weekday {
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Weekday fromJson(String value) {
        String wanted = value == null ? "" : value.strip();
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Value must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday"));
    }

    DayOfWeek day() {
        return DayOfWeek.valueOf(name());
    }

    static Weekday of(DayOfWeek day) {
        return valueOf(day.name());
    }
}
