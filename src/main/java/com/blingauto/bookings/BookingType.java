package com.blingauto.bookings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where the service happens (BOK-5): the legacy inputs {@code scheduled} and {@code walk_in} mean stationary. */
public enum BookingType {
    STATIONARY, MOBILE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BookingType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @JsonCreator
    static BookingType fromJson(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "stationary", "scheduled", "walk_in" -> STATIONARY;
            case "mobile" -> MOBILE;
            default -> throw new IllegalArgumentException("Value must be one of: stationary, mobile");
        };
    }
}
