package com.blingauto.bookings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Bookings in any state for unit tests, driven through the aggregate's own methods with fixed clocks. */
final class Bookings {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID STAFF = UUID.randomUUID();

    private Bookings() {
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static Clock clock(Duration afterNow) {
        return Clock.fixed(NOW.plus(afterNow), ZoneOffset.UTC);
    }

    static BookingLine line(int minutes) {
        return BookingLine.snapshot(UUID.randomUUID(), "Wash " + minutes, new BigDecimal("25.00"), minutes);
    }

    static BookingLine line(String price, int minutes) {
        return BookingLine.snapshot(UUID.randomUUID(), "Wash " + minutes, new BigDecimal(price), minutes);
    }

    /** A pending stationary booking of 60 minutes, 40.00, one day ahead. */
    static Booking pending() {
        return pending(Duration.ofDays(1), List.of(line("40.00", 60)));
    }

    static Booking pending(Duration ahead, List<BookingLine> lines) {
        Booking b = Booking.create(CUSTOMER, UUID.randomUUID(), NOW.plus(ahead), BookingType.STATIONARY, null, lines, "", "", clock());
        b.assignWashBay(UUID.randomUUID());
        return b;
    }

    /** Reaches the status through the allowed transitions, at moments that satisfy the time rules. */
    static Booking inStatus(BookingStatus status) {
        Booking b = pending();
        Duration toStart = Duration.between(NOW, b.scheduledAt());
        switch (status) {
            case PENDING -> {
            }
            case CONFIRMED -> b.confirm(STAFF, null, clock());
            case IN_PROGRESS -> {
                b.confirm(STAFF, null, clock());
                b.start(STAFF, clock(toStart));
            }
            case COMPLETED -> {
                b.confirm(STAFF, null, clock());
                b.start(STAFF, clock(toStart));
                b.complete(STAFF, null, clock(toStart.plusMinutes(60)));
            }
            case CANCELLED -> b.cancel(CUSTOMER, "x", clock());
            case NO_SHOW -> {
                b.confirm(STAFF, null, clock());
                b.markNoShow(STAFF, "absent", clock(toStart.plusMinutes(30)));
            }
        }
        return b;
    }
}
