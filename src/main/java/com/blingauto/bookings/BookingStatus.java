package com.blingauto.bookings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The booking lifecycle (BOK-8); written in lowercase on the wire. */
public enum BookingStatus {
    PENDING, CONFIRMED, IN_PROGRESS, COMPLETED, CANCELLED, NO_SHOW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** BOK-8: the whole transition table, nothing else is allowed. */
    public boolean canBecome(BookingStatus to) {
        return switch (this) {
            case PENDING -> to == CONFIRMED || to == CANCELLED;
            case CONFIRMED -> to == IN_PROGRESS || to == CANCELLED || to == NO_SHOW;
            case IN_PROGRESS -> to == COMPLETED;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }

    /** Pending, confirmed and in-progress bookings hold a reservation and block their vehicle (BOK-18, BOK-23). */
    public boolean isActive() {
        return this == PENDING || this == CONFIRMED || this == IN_PROGRESS;
    }

    static BookingStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @JsonCreator
    static BookingStatus fromJson(String value) {
        String wanted = value == null ? "" : value.strip();
        return Arrays.stream(values()).filter(s -> s.wire().equalsIgnoreCase(wanted) || s.name().equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "Value must be one of: pending, confirmed, in_progress, completed, cancelled, no_show"));
    }
}
