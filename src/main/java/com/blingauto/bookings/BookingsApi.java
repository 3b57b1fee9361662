package com.blingauto.bookings;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Requests and representations of spec 05 §2–3. Money is a JSON number in this module (CNV-22). */
public final class BookingsApi {

    private BookingsApi() {
    }

    /** CNV-17 spelling, as used inside notes. */
    static String datetime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public record LocationInput(
            @NotNull @JsonAlias("latitude") @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 8) BigDecimal lat,
            @NotNull @JsonAlias("longitude") @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 8) BigDecimal lng) {
    }

    public record CreateBookingRequest(
            @NotNull UUID customerId,
            @NotNull UUID vehicleId,
            @NotNull @Size(min = 1, max = 10) List<@NotNull UUID> serviceIds,
            @NotNull @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant scheduledAt,
            @NotNull BookingType bookingType,
            @Valid LocationInput customerLocation,
            @Size(max = 500) String notes,
            @Size(max = 20) String phoneNumber) {
    }

    public record UpdateBookingRequest(
            @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant scheduledAt,
            @Size(min = 1, max = 10) List<@NotNull UUID> serviceIds,
            @Size(max = 500) String notes,
            @Size(max = 20) String phoneNumber) {

        static final UpdateBookingRequest EMPTY = new UpdateBookingRequest(null, null, null, null);
    }

    public record CancelBookingRequest(@Size(max = 200) String reason) {
        static final CancelBookingRequest EMPTY = new CancelBookingRequest(null);
    }

    public record ConfirmBookingRequest(@Size(max = 500) String notes) {
        static final ConfirmBookingRequest EMPTY = new ConfirmBookingRequest(null);
    }

    public record CompleteBookingRequest(@JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant actualEndTime) {
        static final CompleteBookingRequest EMPTY = new CompleteBookingRequest(null);
    }

    public record RescheduleBookingRequest(
            @NotNull @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant newScheduledAt,
            @Size(max = 200) String reason) {
    }

    public record AddServicesRequest(@NotNull @Size(min = 1, max = 10) List<@NotNull UUID> serviceIds) {
    }

    public record NoShowRequest(@Size(max = 200) String reason) {
        static final NoShowRequest EMPTY = new NoShowRequest(null);
    }

    public record RateBookingRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 1000) String feedback) {
    }

    // ---- representations

    public record ServiceLine(UUID serviceId, String name, BigDecimal price, int durationMinutes) {
        static ServiceLine of(BookingLine line) {
            return new ServiceLine(line.serviceId(), line.name(), line.price(), line.durationMinutes());
        }

        static List<ServiceLine> of(List<BookingLine> lines) {
            return lines.stream().map(ServiceLine::of).toList();
        }
    }

    public record Location(BigDecimal lat, BigDecimal lng) {
        static Location of(Booking.Location location) {
            return location == null ? null : new Location(plain(location.lat()), plain(location.lng()));
        }

        /** CNV-23: trailing zeros carry no meaning; never an exponent. */
        private static BigDecimal plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    public record BookingView(
            UUID id, UUID customerId, UUID vehicleId, BookingStatus status, Instant scheduledAt, BookingType bookingType,
            List<ServiceLine> services, BigDecimal totalPrice, int estimatedDuration, String notes, String phoneNumber,
            Instant createdAt, Instant updatedAt, UUID washBayId, UUID mobileTeamId, Instant cancelledAt, UUID cancelledBy,
            String cancellationReason, Location customerLocation, Instant confirmedAt, Instant actualStartTime,
            Instant actualEndTime, BigDecimal overtimeFee, BigDecimal cancellationFee, BigDecimal finalPrice,
            Integer rating, String feedback) {

        static BookingView of(Booking b) {
            return new BookingView(b.id(), b.customerId(), b.vehicleId(), b.status(), b.scheduledAt(), b.bookingType(),
                    ServiceLine.of(b.lines()), b.totalPrice(), b.estimatedDurationMinutes(), b.notes(), b.phoneNumber(),
                    b.createdAt(), b.updatedAt(), b.washBayId(), b.mobileTeamId(), b.cancelledAt(), b.cancelledBy(),
                    b.cancellationReason(), Location.of(b.location()), b.confirmedAt(), b.actualStartTime(),
                    b.actualEndTime(), b.overtimeFee(), b.cancellationFee(), b.finalPrice(), b.rating(), b.feedback());
        }
    }

    public record BookingSummary(UUID id, UUID customerId, UUID vehicleId, BookingStatus status, Instant scheduledAt,
                                 BigDecimal totalPrice, int estimatedDuration, int servicesCount, BookingType bookingType,
                                 Instant createdAt) {
    }

    public record BookingList(List<BookingSummary> bookings, long totalCount, int page, int limit, boolean hasNext) {
    }

    public record CreateBookingResponse(UUID bookingId, BookingStatus status, BigDecimal totalPrice, int estimatedDuration,
                                        Instant scheduledAt, List<ServiceLine> services, UUID washBayId, UUID mobileTeamId) {
        static CreateBookingResponse of(Booking b) {
            return new CreateBookingResponse(b.id(), b.status(), b.totalPrice(), b.estimatedDurationMinutes(), b.scheduledAt(),
                    ServiceLine.of(b.lines()), b.washBayId(), b.mobileTeamId());
        }
    }

    public record UpdateBookingResponse(UUID bookingId, BookingStatus status, BigDecimal totalPrice, int estimatedDuration,
                                        Instant scheduledAt, List<ServiceLine> services, List<String> changesMade) {
    }

    public record CancelBookingResponse(UUID bookingId, BookingStatus status, BigDecimal refundAmount, String refundStatus,
                                        BigDecimal cancellationFee, Instant cancelledAt, String cancellationReason) {
    }

    public record ConfirmBookingResponse(UUID bookingId, BookingStatus status, Instant confirmedAt, UUID confirmedBy) {
    }

    public record StartBookingResponse(UUID bookingId, BookingStatus status, Instant actualStartTime, UUID startedBy) {
    }

    public record CompleteBookingResponse(UUID bookingId, BookingStatus status, Instant actualEndTime, long actualDuration,
                                          BigDecimal overtimeFee, BigDecimal finalPrice, UUID completedBy) {
    }

    public record RescheduleBookingResponse(UUID bookingId, BookingStatus status, Instant oldScheduledAt,
                                            Instant newScheduledAt, UUID rescheduledBy, UUID washBayId, UUID mobileTeamId) {
    }

    public record AddServicesResponse(UUID bookingId, BookingStatus status, List<ServiceLine> addedServices,
                                      BigDecimal newTotalPrice, int newEstimatedDuration, int totalServicesCount) {
    }

    public record RemoveServiceResponse(UUID bookingId, BookingStatus status, List<ServiceLine> removedServices,
                                        BigDecimal newTotalPrice, int newEstimatedDuration, int totalServicesCount) {
    }

    public record NoShowResponse(UUID bookingId, BookingStatus status, Instant scheduledAt, BigDecimal noShowFee,
                                 UUID markedBy, Instant gracePeriodEnd) {
    }

    public record RateBookingResponse(UUID bookingId, BookingStatus status, int rating, String feedback, Instant ratedAt) {
    }

    public record BookingStats(long totalBookings, long pendingBookings, long confirmedBookings, long cancelledBookings,
                               BigDecimal totalRevenue, long inProgressBookings, long completedBookings, long noShowBookings) {
    }
}
