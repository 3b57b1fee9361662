package com.blingauto.bookings;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.DomainValidationException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A customer's appointment. It guards its own lifecycle (BOK-8 to BOK-16): every state change goes through
 * a method here that checks the transition table and the time rules against the given clock.
 */
@Entity
@Table(name = "bookings")
class Booking {

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "vehicle_id")
    private UUID vehicleId;
    @Column(name = "scheduled_at")
    private Instant scheduledAt;
    @Column(name = "service_ends_at")
    private Instant serviceEndsAt;
    private String status;
    @Column(name = "booking_type")
    private String bookingType;
    @Column(name = "total_price")
    private BigDecimal totalPrice;
    @Column(name = "estimated_duration_minutes")
    private int estimatedDurationMinutes;
    @Column(name = "wash_bay_id")
    private UUID washBayId;
    @Column(name = "mobile_team_id")
    private UUID mobileTeamId;
    @Column(name = "location_lat")
    private BigDecimal locationLat;
    @Column(name = "location_lng")
    private BigDecimal locationLng;
    private String notes;
    @Column(name = "phone_number")
    private String phoneNumber;
    @Column(name = "cancellation_fee")
    private BigDecimal cancellationFee;
    @Column(name = "overtime_charges")
    private BigDecimal overtimeCharges;
    @Column(name = "actual_start_time")
    private Instant actualStartTime;
    @Column(name = "actual_end_time")
    private Instant actualEndTime;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "confirmed_by")
    private UUID confirmedBy;
    @Column(name = "started_by")
    private UUID startedBy;
    @Column(name = "completed_by")
    private UUID completedBy;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancelled_by")
    private UUID cancelledBy;
    @Column(name = "cancellation_reason")
    private String cancellationReason;
    @Column(name = "no_show_marked_at")
    private Instant noShowMarkedAt;
    @Column(name = "no_show_marked_by")
    private UUID noShowMarkedBy;
    @Column(name = "quality_rating")
    private Integer qualityRating;
    @Column(name = "quality_feedback")
    private String qualityFeedback;
    @Column(name = "rated_at")
    private Instant ratedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "booking", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<BookingLine> lines = new ArrayList<>();

    protected Booking() {
    }

    /** A customer's location for a mobile booking (BOK-5). */
    record Location(BigDecimal lat, BigDecimal lng) {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** BOK-1..5: a new pending booking without a resource yet (allocation follows, BOK-6/7). */
    static Booking create(UUID customerId, UUID vehicleId, Instant scheduledAt, BookingType type, Location location,
                          List<BookingLine> lines, String notes, String phoneNumber, Clock clock) {
        Instant now = now(clock);
        checkDistinct(lines);
        BookingPolicy.checkTotals(lines);
        BookingPolicy.checkCreationWindow(scheduledAt, now);
        if (type == BookingType.MOBILE && (location == null || location.lat() == null || location.lng() == null)) {
            throw new DomainValidationException("Customer location is required for mobile bookings", "customer_location");
        }
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.customerId = customerId;
        booking.vehicleId = vehicleId;
        booking.scheduledAt = scheduledAt.truncatedTo(ChronoUnit.MICROS);
        booking.status = BookingStatus.PENDING.wire();
        booking.bookingType = type.wire();
        if (type == BookingType.MOBILE) {
            booking.locationLat = location.lat();
            booking.locationLng = location.lng();
        }
        booking.notes = notes == null ? "" : notes;
        booking.phoneNumber = phoneNumber == null ? "" : phoneNumber;
        booking.cancellationFee = BookingPolicy.ZERO;
        booking.overtimeCharges = BookingPolicy.ZERO;
        booking.createdAt = now;
        booking.updatedAt = now;
        booking.setLines(lines);
        return booking;
    }

    private static void checkDistinct(Collection<BookingLine> lines) {
        Set<UUID> seen = new HashSet<>();
        for (BookingLine line : lines) {
            if (!seen.add(line.serviceId())) {
                throw new DomainValidationException("Duplicate services are not allowed", "service_ids");
            }
        }
    }

    private void setLines(List<BookingLine> newLines) {
        lines.clear();
        int position = 0;
        for (BookingLine line : newLines) {
            line.attach(this, position++);
            lines.add(line);
        }
        recomputeTotals();
    }

    private void recomputeTotals() {
        totalPrice = BookingPolicy.totalPrice(lines);
        estimatedDurationMinutes = BookingPolicy.totalDuration(lines);
        serviceEndsAt = scheduledAt.plus(Duration.ofMinutes(estimatedDurationMinutes));
    }

    private void transition(BookingStatus to, String refusal, Instant now) {
        BookingStatus from = status();
        if (!from.canBecome(to)) {
            throw new BusinessRuleViolationException("BOK", 9, refusal + from.wire());
        }
        status = to.wire();
        updatedAt = now;
    }

    // ---- BOK-9 transitions

    void confirm(UUID by, String confirmationNotes, Clock clock) {
        Instant now = now(clock);
        transition(BookingStatus.CONFIRMED, "Can only confirm pending bookings, current status: ", now);
        confirmedAt = now;
        confirmedBy = by;
        if (confirmationNotes != null && !confirmationNotes.isEmpty()) {
            appendNote("Confirmation note: " + confirmationNotes);
        }
    }

    void start(UUID by, Clock clock) {
        Instant now = now(clock);
        transition(BookingStatus.IN_PROGRESS, "Can only start confirmed bookings, current status: ", now);
        actualStartTime = now;
        startedBy = by;
    }

    /** BOK-15: the end defaults to now; it may lie neither before the start nor in the future. */
    void complete(UUID by, Instant requestedEnd, Clock clock) {
        Instant now = now(clock);
        if (status() != BookingStatus.IN_PROGRESS) {
            transition(BookingStatus.COMPLETED, "Can only complete in-progress bookings, current status: ", now);
        }
        Instant end = requestedEnd == null ? now : requestedEnd.truncatedTo(ChronoUnit.MICROS);
        if (end.isBefore(actualStartTime)) {
            throw new DomainValidationException("actual_end_time cannot be before the service start", "actual_end_time");
        }
        if (end.isAfter(now)) {
            throw new DomainValidationException("actual_end_time cannot be in the future", "actual_end_time");
        }
        transition(BookingStatus.COMPLETED, "Can only complete in-progress bookings, current status: ", now);
        actualEndTime = end;
        overtimeCharges = BookingPolicy.overtimeFee(actualDurationMinutes(), estimatedDurationMinutes);
        completedBy = by;
    }

    /** BOK-10: the fee depends on the notice given; in-progress and terminal bookings cannot be cancelled. */
    void cancel(UUID by, String reason, Clock clock) {
        Instant now = now(clock);
        BookingStatus from = status();
        if (!from.canBecome(BookingStatus.CANCELLED)) {
            throw new BusinessRuleViolationException("BOK", 9, "Cannot cancel booking with status: " + from.wire());
        }
        cancellationFee = BookingPolicy.cancellationFee(totalPrice, scheduledAt, now);
        transition(BookingStatus.CANCELLED, "Cannot cancel booking with status: ", now);
        cancelledAt = now;
        cancelledBy = by;
        cancellationReason = reason;
        appendNote("Cancellation reason: " + reason);
    }

    /** BOK-11: only confirmed bookings, and only once the grace period is over. */
    void markNoShow(UUID by, String reason, Clock clock) {
        Instant now = now(clock);
        if (status() != BookingStatus.CONFIRMED) {
            throw new BusinessRuleViolationException("BOK", 11, "Can only mark confirmed bookings as no-show");
        }
        if (now.isBefore(BookingPolicy.noShowGraceEnd(scheduledAt))) {
            throw new BusinessRuleViolationException("BOK", 11, "Cannot mark as no-show until 30 minutes after scheduled time");
        }
        transition(BookingStatus.NO_SHOW, "Can only mark confirmed bookings as no-show", now);
        cancellationFee = totalPrice;
        cancellationReason = reason;
        noShowMarkedAt = now;
        noShowMarkedBy = by;
    }

    // ---- changes of pending / confirmed bookings

    /** BOK-12: checks the status and the window; the caller re-allocates the resource afterwards. */
    void reschedule(Instant newTime, String reason, String field, Clock clock) {
        Instant now = now(clock);
        BookingStatus current = status();
        if (current != BookingStatus.PENDING && current != BookingStatus.CONFIRMED) {
            throw new BusinessRuleViolationException("BOK", 12, "Can only reschedule pending or confirmed bookings");
        }
        BookingPolicy.checkRescheduleWindow(newTime, now, field);
        Instant old = scheduledAt;
        scheduledAt = newTime.truncatedTo(ChronoUnit.MICROS);
        serviceEndsAt = scheduledAt.plus(Duration.ofMinutes(estimatedDurationMinutes));
        updatedAt = now;
        String note = "Rescheduled from " + BookingsApi.datetime(old) + " to " + BookingsApi.datetime(scheduledAt);
        if (reason != null && !reason.isEmpty()) {
            note += " (reason: " + reason + ")";
        }
        appendNote(note);
    }

    /** BOK-24: updates are allowed on pending or confirmed bookings only. */
    void checkUpdatable() {
        BookingStatus current = status();
        if (current != BookingStatus.PENDING && current != BookingStatus.CONFIRMED) {
            throw new BusinessRuleViolationException("BOK", 24, "Can only update pending or confirmed bookings");
        }
    }

    /** BOK-13, E4: the whole list is replaced; true when it changed. */
    boolean replaceServices(List<BookingLine> newLines, Clock clock) {
        if (status() != BookingStatus.PENDING) {
            throw new BusinessRuleViolationException("BOK", 13, "Can only update services for pending bookings");
        }
        checkDistinct(newLines);
        BookingPolicy.checkTotals(newLines);
        if (serviceIds().equals(newLines.stream().map(BookingLine::serviceId).toList())) {
            return false;
        }
        setLines(newLines);
        updatedAt = now(clock);
        return true;
    }

    /** BOK-13, BOK-1, E11. */
    void addServices(List<BookingLine> added, Clock clock) {
        if (status() != BookingStatus.PENDING) {
            throw new BusinessRuleViolationException("BOK", 13, "Can only add services to pending bookings");
        }
        checkDistinct(added);
        Set<UUID> present = new HashSet<>(serviceIds());
        for (BookingLine line : added) {
            if (present.contains(line.serviceId())) {
                throw new BusinessRuleViolationException("BOK", 1, "Service already exists in booking");
            }
        }
        if (lines.size() + added.size() > BookingPolicy.MAX_SERVICES) {
            throw new BusinessRuleViolationException("BOK", 1, "Maximum 10 services allowed");
        }
        List<BookingLine> all = new ArrayList<>(lines);
        all.addAll(added);
        BookingPolicy.checkTotals(all);
        int position = lines.stream().mapToInt(BookingLine::position).max().orElse(-1) + 1;
        for (BookingLine line : added) {
            line.attach(this, position++);
            lines.add(line);
        }
        recomputeTotals();
        updatedAt = now(clock);
    }

    /** BOK-14, E12: returns the removed line. */
    BookingLine removeService(UUID serviceId, Clock clock) {
        if (status() != BookingStatus.PENDING) {
            throw new BusinessRuleViolationException("BOK", 14, "Can only remove services from pending bookings");
        }
        Optional<BookingLine> line = serviceId == null ? Optional.empty()
                : lines.stream().filter(l -> l.serviceId().equals(serviceId)).findFirst();
        if (line.isEmpty()) {
            throw new DomainValidationException("Service not found in booking", "service_id");
        }
        if (lines.size() == 1) {
            throw new BusinessRuleViolationException("BOK", 14, "Cannot remove service - minimum 1 service required");
        }
        List<BookingLine> rest = new ArrayList<>(lines);
        rest.remove(line.get());
        BookingPolicy.checkTotals(rest);
        lines.remove(line.get());
        recomputeTotals();
        updatedAt = now(clock);
        return line.get();
    }

    boolean changeNotes(String newNotes, Clock clock) {
        if (newNotes == null || newNotes.equals(notes)) {
            return false;
        }
        notes = newNotes;
        updatedAt = now(clock);
        return true;
    }

    boolean changePhoneNumber(String newPhone, Clock clock) {
        if (newPhone == null || newPhone.equals(phoneNumber)) {
            return false;
        }
        phoneNumber = newPhone;
        updatedAt = now(clock);
        return true;
    }

    /** BOK-16: the owner rates a completed booking once. */
    void rate(int rating, String feedback, Clock clock) {
        if (status() != BookingStatus.COMPLETED) {
            throw new BusinessRuleViolationException("BOK", 16, "Can only rate completed bookings");
        }
        if (qualityRating != null) {
            throw new BusinessRuleViolationException("BOK", 16, "Booking has already been rated");
        }
        Instant now = now(clock);
        qualityRating = rating;
        qualityFeedback = feedback;
        ratedAt = now;
        updatedAt = now;
    }

    void assignWashBay(UUID bayId) {
        washBayId = Objects.requireNonNull(bayId);
        mobileTeamId = null;
    }

    void assignMobileTeam(UUID teamId) {
        mobileTeamId = Objects.requireNonNull(teamId);
        washBayId = null;
    }

    private void appendNote(String line) {
        notes = notes == null || notes.isEmpty() ? line : notes + "\n" + line;
    }

    // ---- reads

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    UUID vehicleId() {
        return vehicleId;
    }

    boolean isOwnedBy(UUID userId) {
        return customerId.equals(userId);
    }

    BookingStatus status() {
        return BookingStatus.fromWire(status);
    }

    BookingType bookingType() {
        return BookingType.fromWire(bookingType);
    }

    Instant scheduledAt() {
        return scheduledAt;
    }

    Instant serviceEndsAt() {
        return serviceEndsAt;
    }

    Instant reservedUntil() {
        return BookingPolicy.reservedUntil(scheduledAt, estimatedDurationMinutes);
    }

    BigDecimal totalPrice() {
        return totalPrice;
    }

    int estimatedDurationMinutes() {
        return estimatedDurationMinutes;
    }

    List<BookingLine> lines() {
        return List.copyOf(lines);
    }

    List<UUID> serviceIds() {
        return lines.stream().map(BookingLine::serviceId).toList();
    }

    UUID washBayId() {
        return washBayId;
    }

    UUID mobileTeamId() {
        return mobileTeamId;
    }

    Location location() {
        return locationLat == null ? null : new Location(locationLat, locationLng);
    }

    String notes() {
        return notes;
    }

    String phoneNumber() {
        return phoneNumber;
    }

    BigDecimal cancellationFee() {
        return cancellationFee;
    }

    BigDecimal overtimeFee() {
        return overtimeCharges;
    }

    /** The price the customer owes in this state (spec 05 §3, {@code final_price}). */
    BigDecimal finalPrice() {
        return switch (status()) {
            case COMPLETED -> totalPrice.add(overtimeCharges);
            case CANCELLED, NO_SHOW -> cancellationFee;
            case PENDING, CONFIRMED, IN_PROGRESS -> totalPrice;
        };
    }

    Instant actualStartTime() {
        return actualStartTime;
    }

    Instant actualEndTime() {
        return actualEndTime;
    }

    long actualDurationMinutes() {
        return BookingPolicy.actualDurationMinutes(actualStartTime, actualEndTime);
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    UUID confirmedBy() {
        return confirmedBy;
    }

    UUID startedBy() {
        return startedBy;
    }

    UUID completedBy() {
        return completedBy;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    UUID cancelledBy() {
        return cancelledBy;
    }

    String cancellationReason() {
        return cancellationReason;
    }

    UUID noShowMarkedBy() {
        return noShowMarkedBy;
    }

    Integer rating() {
        return qualityRating;
    }

    String feedback() {
        return qualityFeedback;
    }

    Instant ratedAt() {
        return ratedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
