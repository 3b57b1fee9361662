package com.blingauto.bookings;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.DomainValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** The time windows, fees and limits of spec 05, as pure functions of their inputs. */
final class BookingPolicy {

    static final Duration MINIMUM_NOTICE = Duration.ofHours(2);
    static final Duration HORIZON = Duration.ofDays(90);
    static final Duration NO_SHOW_GRACE = Duration.ofMinutes(30);
    static final Duration RESERVATION_BUFFER = Duration.ofMinutes(15);
    static final int MIN_DURATION = 30;
    static final int MAX_DURATION = 240;
    static final int MAX_SERVICES = 10;
    static final BigDecimal MAX_TOTAL_PRICE = new BigDecimal("10000.00");
    static final BigDecimal OVERTIME_RATE_PER_MINUTE = new BigDecimal("1.00");
    static final BigDecimal ZERO = new BigDecimal("0.00");

    private static final BigDecimal FULL = new BigDecimal("1.00");
    private static final BigDecimal HALF = new BigDecimal("0.50");
    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    private BookingPolicy() {
    }

    /** BOK-4, on creation: in the future, at least 2 h ahead, at most 90 days ahead. */
    static void checkCreationWindow(Instant scheduledAt, Instant now) {
        if (!scheduledAt.isAfter(now)) {
            throw new DomainValidationException("Cannot schedule appointments in the past", "scheduled_at");
        }
        if (scheduledAt.isBefore(now.plus(MINIMUM_NOTICE))) {
            throw new DomainValidationException("Booking must be scheduled at least 2 hours in advance", "scheduled_at");
        }
        checkHorizon(scheduledAt, now, "scheduled_at");
    }

    /** BOK-12: at least 2 h notice (422), at most 90 days ahead (400). */
    static void checkRescheduleWindow(Instant newTime, Instant now, String field) {
        if (newTime.isBefore(now.plus(MINIMUM_NOTICE))) {
            throw new BusinessRuleViolationException("BOK", 12, "Rescheduling requires at least 2 hours notice");
        }
        checkHorizon(newTime, now, field);
    }

    private static void checkHorizon(Instant scheduledAt, Instant now, String field) {
        if (scheduledAt.isAfter(now.plus(HORIZON))) {
            throw new DomainValidationException("Cannot schedule more than 90 days in advance", field);
        }
    }

    /** BOK-2 and BOK-3 over the lines a booking would hold. */
    static void checkTotals(Collection<BookingLine> lines) {
        int duration = totalDuration(lines);
        if (duration < MIN_DURATION) {
            throw new DomainValidationException("Total duration must be at least 30 minutes", "service_ids");
        }
        if (duration > MAX_DURATION) {
            throw new DomainValidationException("Total duration cannot exceed 240 minutes", "service_ids");
        }
        if (totalPrice(lines).compareTo(MAX_TOTAL_PRICE) > 0) {
            throw new DomainValidationException("Total price cannot exceed $10000.00", "service_ids");
        }
    }

    static BigDecimal totalPrice(Collection<BookingLine> lines) {
        return lines.stream().map(BookingLine::price).reduce(ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    static int totalDuration(Collection<BookingLine> lines) {
        return lines.stream().mapToInt(BookingLine::durationMinutes).sum();
    }

    /** BOK-10: the share of the total kept, by the notice given. */
    static BigDecimal cancellationRate(Instant scheduledAt, Instant now) {
        Duration notice = Duration.between(now, scheduledAt);
        if (notice.compareTo(Duration.ofHours(2)) < 0) {
            return FULL;
        }
        if (notice.compareTo(Duration.ofHours(6)) < 0) {
            return HALF;
        }
        if (notice.compareTo(Duration.ofHours(24)) < 0) {
            return QUARTER;
        }
        return BigDecimal.ZERO;
    }

    static BigDecimal cancellationFee(BigDecimal totalPrice, Instant scheduledAt, Instant now) {
        return totalPrice.multiply(cancellationRate(scheduledAt, now)).setScale(2, RoundingMode.HALF_UP);
    }

    /** BOK-11: a no-show may be recorded from this instant on. */
    static Instant noShowGraceEnd(Instant scheduledAt) {
        return scheduledAt.plus(NO_SHOW_GRACE);
    }

    /** BOK-15: whole minutes, rounded down. */
    static long actualDurationMinutes(Instant start, Instant end) {
        return Duration.between(start, end).toMinutes();
    }

    /** BOK-15: every minute beyond the estimate costs 1.00. */
    static BigDecimal overtimeFee(long actualMinutes, int estimatedMinutes) {
        long over = Math.max(0, actualMinutes - estimatedMinutes);
        return OVERTIME_RATE_PER_MINUTE.multiply(BigDecimal.valueOf(over)).setScale(2, RoundingMode.HALF_UP);
    }

    /** BOK-18: the range a booking reserves on its resource, buffer included. */
    static Instant reservedUntil(Instant scheduledAt, int durationMinutes) {
        return scheduledAt.plus(Duration.ofMinutes(durationMinutes)).plus(RESERVATION_BUFFER);
    }
}
