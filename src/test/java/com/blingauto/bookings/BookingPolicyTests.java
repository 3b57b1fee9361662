package com.blingauto.bookings;

import static com.blingauto.bookings.Bookings.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.DomainValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every boundary of the fee and window rules (BOK-2, BOK-3, BOK-4, BOK-10, BOK-11, BOK-12, BOK-15). */
class BookingPolicyTests {

    // ---- BOK-10 cancellation fee by notice (seconds before scheduled_at)

    @ParameterizedTest(name = "notice {0}s -> rate {1}")
    @CsvSource({
            "-3600, 1.00",   // already past
            "0, 1.00",
            "7199, 1.00",    // 1 s under 2 h
            "7200, 0.50",    // exactly 2 h
            "21599, 0.50",   // 1 s under 6 h
            "21600, 0.25",   // exactly 6 h
            "86399, 0.25",   // 1 s under 24 h
            "86400, 0",      // exactly 24 h
            "864000, 0"})
    void cancellationRateByNotice(long noticeSeconds, BigDecimal rate) {
        Instant scheduled = NOW.plusSeconds(noticeSeconds);
        assertThat(BookingPolicy.cancellationRate(scheduled, NOW)).isEqualByComparingTo(rate);
    }

    @ParameterizedTest(name = "total {0}, notice {1}s -> fee {2}")
    @CsvSource({
            "45.99, 7199, 45.99",
            "45.99, 7200, 23.00",   // 22.995 rounded HALF_UP
            "45.99, 21600, 11.50",  // 11.4975
            "45.99, 86400, 0.00",
            "100.00, 3600, 100.00"})
    void cancellationFeeIsRoundedOnceHalfUp(String total, long noticeSeconds, String fee) {
        assertThat(BookingPolicy.cancellationFee(new BigDecimal(total), NOW.plusSeconds(noticeSeconds), NOW))
                .isEqualTo(new BigDecimal(fee));
    }

    @Test
    void cancellingThroughTheAggregateChargesByNotice() {
        Booking exactly24 = Bookings.pending(Duration.ofHours(24), List.of(Bookings.line("80.00", 60)));
        exactly24.cancel(Bookings.CUSTOMER, "r", Bookings.clock());
        assertThat(exactly24.cancellationFee()).isEqualTo(new BigDecimal("0.00"));
        assertThat(exactly24.finalPrice()).isEqualTo(new BigDecimal("0.00"));

        Booking under24 = Bookings.pending(Duration.ofHours(24), List.of(Bookings.line("80.00", 60)));
        under24.cancel(Bookings.CUSTOMER, "r", Bookings.clock(Duration.ofSeconds(1)));
        assertThat(under24.cancellationFee()).isEqualTo(new BigDecimal("20.00"));

        Booking six = Bookings.pending(Duration.ofHours(6), List.of(Bookings.line("80.00", 60)));
        six.cancel(Bookings.CUSTOMER, "r", Bookings.clock());
        assertThat(six.cancellationFee()).isEqualTo(new BigDecimal("20.00"));

        Booking two = Bookings.pending(Duration.ofHours(2), List.of(Bookings.line("80.00", 60)));
        two.cancel(Bookings.CUSTOMER, "r", Bookings.clock());
        assertThat(two.cancellationFee()).isEqualTo(new BigDecimal("40.00"));

        Booking late = Bookings.pending(Duration.ofHours(2), List.of(Bookings.line("80.00", 60)));
        late.cancel(Bookings.CUSTOMER, "r", Bookings.clock(Duration.ofSeconds(1)));
        assertThat(late.cancellationFee()).isEqualTo(new BigDecimal("80.00"));
        assertThat(late.finalPrice()).isEqualTo(new BigDecimal("80.00"));
    }

    // ---- BOK-4 creation window

    @ParameterizedTest(name = "{0}s ahead -> {1}")
    @CsvSource({
            "-1, Cannot schedule appointments in the past",
            "0, Cannot schedule appointments in the past",
            "1, Booking must be scheduled at least 2 hours in advance",
            "7199, Booking must be scheduled at least 2 hours in advance",
            "7200, ",
            "7776000, ",           // exactly 90 days
            "7776001, Cannot schedule more than 90 days in advance"})
    void creationWindow(long secondsAhead, String error) {
        Instant scheduled = NOW.plusSeconds(secondsAhead);
        if (error == null) {
            assertThatCode(() -> BookingPolicy.checkCreationWindow(scheduled, NOW)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> BookingPolicy.checkCreationWindow(scheduled, NOW))
                    .isInstanceOf(DomainValidationException.class).hasMessage(error)
                    .satisfies(e -> assertThat(((DomainValidationException) e).details()).containsEntry("field", "scheduled_at"));
        }
    }

    // ---- BOK-12 reschedule window

    @ParameterizedTest(name = "{0}s ahead -> {1}")
    @CsvSource({
            "-60, 422",
            "7199, 422",
            "7200, ok",
            "7776000, ok",
            "7776001, 400"})
    void rescheduleWindow(long secondsAhead, String outcome) {
        Instant time = NOW.plusSeconds(secondsAhead);
        switch (outcome) {
            case "ok" -> assertThatCode(() -> BookingPolicy.checkRescheduleWindow(time, NOW, "new_scheduled_at")).doesNotThrowAnyException();
            case "422" -> assertThatThrownBy(() -> BookingPolicy.checkRescheduleWindow(time, NOW, "new_scheduled_at"))
                    .isInstanceOf(BusinessRuleViolationException.class).hasMessage("Rescheduling requires at least 2 hours notice");
            default -> assertThatThrownBy(() -> BookingPolicy.checkRescheduleWindow(time, NOW, "new_scheduled_at"))
                    .isInstanceOf(DomainValidationException.class).hasMessage("Cannot schedule more than 90 days in advance");
        }
    }

    @Test
    void rescheduleNotesTheChange() {
        Booking b = Bookings.pending();
        Instant old = b.scheduledAt();
        b.reschedule(NOW.plus(Duration.ofDays(2)), "traffic", "new_scheduled_at", Bookings.clock());
        assertThat(b.scheduledAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(b.notes()).isEqualTo("Rescheduled from " + old + " to 2026-11-26T10:00:00Z (reason: traffic)");
        assertThat(b.serviceEndsAt()).isEqualTo(b.scheduledAt().plus(Duration.ofMinutes(60)));
        assertThat(b.reservedUntil()).isEqualTo(b.scheduledAt().plus(Duration.ofMinutes(75)));
    }

    // ---- BOK-2 / BOK-3 totals

    @ParameterizedTest(name = "{0} min -> {1}")
    @CsvSource({
            "29, Total duration must be at least 30 minutes",
            "30, ",
            "240, ",
            "241, Total duration cannot exceed 240 minutes"})
    void durationBounds(int minutes, String error) {
        List<BookingLine> lines = List.of(Bookings.line(minutes));
        if (error == null) {
            assertThatCode(() -> BookingPolicy.checkTotals(lines)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> BookingPolicy.checkTotals(lines)).isInstanceOf(DomainValidationException.class)
                    .hasMessage(error)
                    .satisfies(e -> assertThat(((DomainValidationException) e).details()).containsEntry("field", "service_ids"));
        }
    }

    @Test
    void priceLimitIsInclusive() {
        assertThatCode(() -> BookingPolicy.checkTotals(List.of(Bookings.line("5000.00", 30), Bookings.line("5000.00", 30))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingPolicy.checkTotals(List.of(Bookings.line("5000.00", 30), Bookings.line("5000.01", 30))))
                .isInstanceOf(DomainValidationException.class).hasMessage("Total price cannot exceed $10000.00");
    }

    @Test
    void totalsAreSums() {
        Booking b = Bookings.pending(Duration.ofDays(1), List.of(Bookings.line("10.50", 30), Bookings.line("20.25", 45)));
        assertThat(b.totalPrice()).isEqualTo(new BigDecimal("30.75"));
        assertThat(b.estimatedDurationMinutes()).isEqualTo(75);
        b.addServices(List.of(Bookings.line("1.00", 15)), Bookings.clock());
        assertThat(b.totalPrice()).isEqualTo(new BigDecimal("31.75"));
        assertThat(b.estimatedDurationMinutes()).isEqualTo(90);
        BookingLine removed = b.removeService(b.lines().get(0).serviceId(), Bookings.clock());
        assertThat(removed.price()).isEqualTo(new BigDecimal("10.50"));
        assertThat(b.totalPrice()).isEqualTo(new BigDecimal("21.25"));
        assertThat(b.estimatedDurationMinutes()).isEqualTo(60);
        assertThat(b.lines()).extracting(BookingLine::position).containsExactly(1, 2);
    }

    @Test
    void serviceListRules() {
        Booking b = Bookings.pending();
        BookingLine first = b.lines().get(0);
        assertThatThrownBy(() -> Booking.create(Bookings.CUSTOMER, java.util.UUID.randomUUID(), NOW.plus(Duration.ofDays(1)),
                BookingType.STATIONARY, null, List.of(first, BookingLine.snapshot(first.serviceId(), "dup", BigDecimal.ONE, 30)),
                "", "", Bookings.clock()))
                .isInstanceOf(DomainValidationException.class).hasMessage("Duplicate services are not allowed");
        BookingStateMachineTests.assertRule(() -> b.addServices(List.of(BookingLine.snapshot(first.serviceId(), "again", BigDecimal.ONE, 30)),
                Bookings.clock()), "RG-BOK-001", "Service already exists in booking");
        assertThatThrownBy(() -> b.removeService(java.util.UUID.randomUUID(), Bookings.clock()))
                .isInstanceOf(DomainValidationException.class).hasMessage("Service not found in booking");
        BookingStateMachineTests.assertRule(() -> b.removeService(first.serviceId(), Bookings.clock()), "RG-BOK-014",
                "Cannot remove service - minimum 1 service required");
        Booking nine = Bookings.pending(Duration.ofDays(1), java.util.stream.IntStream.range(0, 9).mapToObj(i -> Bookings.line("1.00", 20)).toList());
        BookingStateMachineTests.assertRule(() -> nine.addServices(List.of(Bookings.line("1.00", 5), Bookings.line("1.00", 5)),
                Bookings.clock()), "RG-BOK-001", "Maximum 10 services allowed");
        assertThatThrownBy(() -> nine.addServices(List.of(Bookings.line("1.00", 61)), Bookings.clock()))
                .isInstanceOf(DomainValidationException.class).hasMessage("Total duration cannot exceed 240 minutes");
    }

    @Test
    void mobileBookingsNeedALocationAndStationaryOnesStoreNone() {
        assertThatThrownBy(() -> Booking.create(Bookings.CUSTOMER, java.util.UUID.randomUUID(), NOW.plus(Duration.ofDays(1)),
                BookingType.MOBILE, null, List.of(Bookings.line(60)), "", "", Bookings.clock()))
                .isInstanceOf(DomainValidationException.class).hasMessage("Customer location is required for mobile bookings");
        Booking stationary = Booking.create(Bookings.CUSTOMER, java.util.UUID.randomUUID(), NOW.plus(Duration.ofDays(1)),
                BookingType.STATIONARY, new Booking.Location(BigDecimal.ONE, BigDecimal.ONE), List.of(Bookings.line(60)), null, null, Bookings.clock());
        assertThat(stationary.location()).isNull();
        assertThat(stationary.notes()).isEmpty();
        assertThat(BookingType.fromJson(" Walk_In ")).isEqualTo(BookingType.STATIONARY);
        assertThat(BookingType.fromJson("SCHEDULED")).isEqualTo(BookingType.STATIONARY);
    }

    // ---- BOK-11 no-show grace period

    @Test
    void noShowOnlyFromTheEndOfTheGracePeriod() {
        Booking b = Bookings.inStatus(BookingStatus.CONFIRMED);
        Duration toStart = Duration.between(NOW, b.scheduledAt());
        assertThat(BookingPolicy.noShowGraceEnd(b.scheduledAt())).isEqualTo(b.scheduledAt().plus(Duration.ofMinutes(30)));
        BookingStateMachineTests.assertRule(() -> b.markNoShow(Bookings.STAFF, "r", Bookings.clock(toStart.plusMinutes(30).minusNanos(1000))),
                "RG-BOK-011", "Cannot mark as no-show until 30 minutes after scheduled time");
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        b.markNoShow(Bookings.STAFF, "r", Bookings.clock(toStart.plusMinutes(30)));
        assertThat(b.status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(b.cancellationFee()).isEqualTo(new BigDecimal("40.00"));
        assertThat(b.finalPrice()).isEqualTo(new BigDecimal("40.00"));
    }

    // ---- BOK-15 overtime

    @ParameterizedTest(name = "{0} min for 60 estimated -> {1}")
    @CsvSource({"0, 0.00", "59, 0.00", "60, 0.00", "61, 1.00", "100, 40.00"})
    void overtimeFee(long actual, String fee) {
        assertThat(BookingPolicy.overtimeFee(actual, 60)).isEqualTo(new BigDecimal(fee));
    }

    @Test
    void completionMeasuresWholeMinutesAndChargesOvertime() {
        Booking b = Bookings.inStatus(BookingStatus.IN_PROGRESS);
        Instant start = b.actualStartTime();
        Duration toStart = Duration.between(NOW, start);
        var clock = Bookings.clock(toStart.plusMinutes(120));
        assertThatThrownBy(() -> b.complete(Bookings.STAFF, start.minusSeconds(1), clock))
                .isInstanceOf(DomainValidationException.class).hasMessage("actual_end_time cannot be before the service start");
        assertThatThrownBy(() -> b.complete(Bookings.STAFF, start.plus(Duration.ofMinutes(120)).plusNanos(1000), clock))
                .isInstanceOf(DomainValidationException.class).hasMessage("actual_end_time cannot be in the future");
        b.complete(Bookings.STAFF, start.plus(Duration.ofMinutes(61)).plusSeconds(59), clock);
        assertThat(b.actualDurationMinutes()).isEqualTo(61);
        assertThat(b.overtimeFee()).isEqualTo(new BigDecimal("1.00"));
        assertThat(b.finalPrice()).isEqualTo(new BigDecimal("41.00"));
    }

    @Test
    void completionAtTheStartIsAllowed() {
        Booking b = Bookings.inStatus(BookingStatus.IN_PROGRESS);
        Duration toStart = Duration.between(NOW, b.actualStartTime());
        b.complete(Bookings.STAFF, b.actualStartTime(), Bookings.clock(toStart));
        assertThat(b.actualDurationMinutes()).isZero();
        assertThat(b.overtimeFee()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void confirmationNotesAreAppendedOnANewLine() {
        Booking b = Booking.create(Bookings.CUSTOMER, java.util.UUID.randomUUID(), NOW.plus(Duration.ofDays(1)),
                BookingType.STATIONARY, null, List.of(Bookings.line(60)), "gate code 12", "", Bookings.clock());
        b.confirm(Bookings.STAFF, "bring towels", Bookings.clock());
        assertThat(b.notes()).isEqualTo("gate code 12\nConfirmation note: bring towels");
    }
}
