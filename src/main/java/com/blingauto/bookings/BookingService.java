package com.blingauto.bookings;

import com.blingauto.bookings.BookingsApi.AddServicesRequest;
import com.blingauto.bookings.BookingsApi.AddServicesResponse;
import com.blingauto.bookings.BookingsApi.BookingView;
import com.blingauto.bookings.BookingsApi.CancelBookingRequest;
import com.blingauto.bookings.BookingsApi.CancelBookingResponse;
import com.blingauto.bookings.BookingsApi.CompleteBookingRequest;
import com.blingauto.bookings.BookingsApi.CompleteBookingResponse;
import com.blingauto.bookings.BookingsApi.ConfirmBookingRequest;
import com.blingauto.bookings.BookingsApi.ConfirmBookingResponse;
import com.blingauto.bookings.BookingsApi.CreateBookingRequest;
import com.blingauto.bookings.BookingsApi.CreateBookingResponse;
import com.blingauto.bookings.BookingsApi.NoShowRequest;
import com.blingauto.bookings.BookingsApi.NoShowResponse;
import com.blingauto.bookings.BookingsApi.RateBookingRequest;
import com.blingauto.bookings.BookingsApi.RateBookingResponse;
import com.blingauto.bookings.BookingsApi.RemoveServiceResponse;
import com.blingauto.bookings.BookingsApi.RescheduleBookingRequest;
import com.blingauto.bookings.BookingsApi.RescheduleBookingResponse;
import com.blingauto.bookings.BookingsApi.ServiceLine;
import com.blingauto.bookings.BookingsApi.StartBookingResponse;
import com.blingauto.bookings.BookingsApi.UpdateBookingRequest;
import com.blingauto.bookings.BookingsApi.UpdateBookingResponse;
import com.blingauto.bookings.Collaborators.Placement;
import com.blingauto.bookings.Collaborators.ServiceFacts;
import com.blingauto.bookings.Collaborators.VehicleFacts;
import com.blingauto.shared.AccountDirectory;
import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.ConflictException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.ForbiddenException;
import com.blingauto.shared.Ids;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.Role;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The booking lifecycle of spec 05: every command is one transaction (CNV-44). */
@Service
public class BookingService {

    static final String NOT_FOUND = "Booking not found";
    static final String VEHICLE_OVERLAP_CONSTRAINT = "bookings_vehicle_no_overlap";

    private final BookingRepository bookings;
    private final EntityManager entityManager;
    private final IdempotencyKeys idempotencyKeys;
    private final AccountDirectory accounts;
    private final Collaborators.Vehicles vehicles;
    private final Collaborators.Catalogue catalogue;
    private final Collaborators.Capacity capacity;
    private final JsonMapper json;
    private final Clock clock;

    BookingService(BookingRepository bookings, EntityManager entityManager, IdempotencyKeys idempotencyKeys,
                   AccountDirectory accounts, Collaborators.Vehicles vehicles, Collaborators.Catalogue catalogue,
                   Collaborators.Capacity capacity, JsonMapper json, Clock clock) {
        this.bookings = bookings;
        this.entityManager = entityManager;
        this.idempotencyKeys = idempotencyKeys;
        this.accounts = accounts;
        this.vehicles = vehicles;
        this.catalogue = catalogue;
        this.capacity = capacity;
        this.json = json;
        this.clock = clock;
    }

    /** The answer of E1: a new booking, or the stored response of an earlier request with the same key. */
    public record Created(int status, CreateBookingResponse response, String replayedBody) {
        public boolean replayed() {
            return replayedBody != null;
        }
    }

    // ---------------------------------------------------------------- E1

    /** BOK-25 order: authority, customer, vehicle, services, BOK-1..5, BOK-17, allocation, BOK-23. */
    @Transactional
    public Created create(CurrentUser caller, CreateBookingRequest request, String idempotencyKey) {
        if (!request.customerId().equals(caller.id()) && caller.role() != Role.ADMIN) {
            throw new ForbiddenException("You can only create bookings for yourself");
        }
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.StoredResponse> stored =
                    idempotencyKeys.claim(caller.id(), idempotencyKey, hash(request), Booking.now(clock));
            if (stored.isPresent()) {
                return new Created(stored.get().status(), null, stored.get().body());
            }
        }
        if (!request.customerId().equals(caller.id())) {
            AccountDirectory.Lookup customer = accounts.lookup(request.customerId(), null);
            if (customer.account() == null) {
                throw new NotFoundException("Customer " + request.customerId() + " not found", request.customerId());
            }
        }
        VehicleFacts vehicle = vehicleOf(request.customerId(), request.vehicleId());
        List<BookingLine> lines = snapshots(request.serviceIds());
        Booking.Location location = request.customerLocation() == null ? null
                : new Booking.Location(request.customerLocation().lat(), request.customerLocation().lng());
        Booking booking = Booking.create(request.customerId(), vehicle.id(), request.scheduledAt(), request.bookingType(),
                location, lines, request.notes(), request.phoneNumber(), clock);
        checkOpeningHours(booking);
        allocate(booking, caller, vehicle);
        try {
            entityManager.persist(booking);
            entityManager.flush();
        } catch (RuntimeException e) {
            throw translateOverlap(e);
        }
        CreateBookingResponse response = CreateBookingResponse.of(booking);
        if (idempotencyKey != null) {
            idempotencyKeys.record(caller.id(), idempotencyKey, 201, json.writeValueAsString(response));
        }
        return new Created(201, response, null);
    }

    private String hash(CreateBookingRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private VehicleFacts vehicleOf(UUID customerId, UUID vehicleId) {
        return vehicles.lockForBooking(vehicleId).filter(v -> v.customerId().equals(customerId))
                .orElseThrow(() -> new NotFoundException("Vehicle not found", vehicleId));
    }

    /** BOK-1: each id must exist (404) and be bookable (422); snapshots in request order, duplicates kept for BOK-1's 400. */
    private List<BookingLine> snapshots(List<UUID> serviceIds) {
        Map<UUID, ServiceFacts> found = catalogue.find(new LinkedHashSet<>(serviceIds)).stream()
                .collect(Collectors.toMap(ServiceFacts::id, Function.identity(), (a, b) -> a));
        for (UUID id : serviceIds) {
            if (!found.containsKey(id)) {
                throw new NotFoundException("Service " + id + " not found", id);
            }
        }
        List<BookingLine> lines = new ArrayList<>();
        for (UUID id : serviceIds) {
            ServiceFacts service = found.get(id);
            if (!service.bookable()) {
                throw new BusinessRuleViolationException("BOK", 1, "Service '" + service.name() + "' is not available for booking");
            }
            lines.add(BookingLine.snapshot(service.id(), service.name(), service.price(), service.durationMinutes()));
        }
        return lines;
    }

    private void checkOpeningHours(Booking booking) {
        if (!capacity.withinOpeningHours(booking.scheduledAt(), booking.serviceEndsAt())) {
            throw new BusinessRuleViolationException("BOK", 17, "Requested time is outside business hours");
        }
    }

    /** BOK-6 / BOK-7 for the booking's current range. */
    private void allocate(Booking booking, CurrentUser caller, VehicleFacts vehicle) {
        Placement placement;
        if (booking.bookingType() == BookingType.STATIONARY) {
            placement = capacity.washBay(booking.id(), booking.customerId(), caller.id(), vehicle.size(),
                    booking.scheduledAt(), booking.estimatedDurationMinutes());
        } else {
            Booking.Location at = booking.location();
            placement = capacity.mobileTeam(booking.id(), booking.customerId(), caller.id(), at.lat(), at.lng(),
                    booking.scheduledAt(), booking.estimatedDurationMinutes());
        }
        String when = BookingsApi.datetime(booking.scheduledAt());
        switch (placement) {
            case Placement.Placed placed -> {
                if (booking.bookingType() == BookingType.STATIONARY) {
                    booking.assignWashBay(placed.resourceId());
                } else {
                    booking.assignMobileTeam(placed.resourceId());
                }
            }
            case Placement.NoCandidate none -> throw booking.bookingType() == BookingType.STATIONARY
                    ? new BusinessRuleViolationException("BOK", 6, "No wash bay can accommodate a " + vehicle.size() + " vehicle")
                    : new BusinessRuleViolationException("BOK", 7, "No mobile team serves this location");
            case Placement.NoneFree busy -> throw new ConflictException(booking.bookingType() == BookingType.STATIONARY
                    ? "No available wash bay for " + vehicle.size() + " vehicle at " + when
                    : "No available mobile team at " + when, Map.of("alternatives", busy.alternatives()));
        }
    }

    /**
     * Allocates again for the booking's new range in this transaction (reschedule, changed duration): scheduling
     * replaces the booking's reservation, trying its current resource first (BOK-12).
     */
    private void reallocate(Booking booking, CurrentUser caller) {
        VehicleFacts vehicle = vehicles.find(booking.vehicleId())
                .orElseThrow(() -> new NotFoundException("Vehicle not found", booking.vehicleId()));
        allocate(booking, caller, vehicle);
    }

    /** BOK-23 and CNV-32 as the database reports them at flush. */
    private static RuntimeException translateOverlap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.springframework.dao.OptimisticLockingFailureException) {
                return ConflictException.concurrentModification();
            }
            if (t instanceof SQLException sql && "23P01".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(VEHICLE_OVERLAP_CONSTRAINT)) {
                return new ConflictException("Vehicle already has a booking at this time", (String) null);
            }
        }
        return e;
    }

    private void flush() {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw translateOverlap(e);
        }
    }

    // ---------------------------------------------------------------- visibility (BOK-19)

    private Booking visible(CurrentUser caller, String rawId) {
        UUID id = Ids.parse(rawId).orElseThrow(() -> new NotFoundException(NOT_FOUND, rawId));
        Booking booking = bookings.findById(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, rawId));
        if (caller.role() == Role.CLIENT && !booking.isOwnedBy(caller.id())) {
            throw new NotFoundException(NOT_FOUND, rawId);
        }
        return booking;
    }

    private Booking modifiable(CurrentUser caller, String rawId) {
        Booking booking = visible(caller, rawId);
        if (!booking.isOwnedBy(caller.id()) && caller.role() != Role.ADMIN) {
            throw new ForbiddenException("You can only modify your own bookings");
        }
        return booking;
    }

    // ---------------------------------------------------------------- E3

    @Transactional(readOnly = true)
    public BookingView get(CurrentUser caller, String bookingId) {
        return BookingView.of(visible(caller, bookingId));
    }

    // ---------------------------------------------------------------- E4

    /** BOK-24: fields in the order service_ids, scheduled_at, notes, phone_number. */
    @Transactional
    public UpdateBookingResponse update(CurrentUser caller, String bookingId, UpdateBookingRequest request) {
        Booking booking = modifiable(caller, bookingId);
        booking.checkUpdatable();
        List<String> changes = new ArrayList<>();
        boolean rangeChanged = false;
        if (request.serviceIds() != null) {
            List<BookingLine> lines = snapshots(request.serviceIds());
            int before = booking.estimatedDurationMinutes();
            if (booking.replaceServices(lines, clock)) {
                changes.add("services");
                rangeChanged = booking.estimatedDurationMinutes() != before;
            }
        }
        if (request.scheduledAt() != null && !request.scheduledAt().equals(booking.scheduledAt())) {
            booking.reschedule(request.scheduledAt(), null, "scheduled_at", clock);
            changes.add("scheduled_at");
            rangeChanged = true;
        }
        if (rangeChanged) {
            checkOpeningHours(booking);
            reallocate(booking, caller);
        }
        if (booking.changeNotes(request.notes(), clock)) {
            changes.add("notes");
        }
        if (booking.changePhoneNumber(request.phoneNumber(), clock)) {
            changes.add("phone_number");
        }
        flush();
        return new UpdateBookingResponse(booking.id(), booking.status(), booking.totalPrice(), booking.estimatedDurationMinutes(),
                booking.scheduledAt(), ServiceLine.of(booking.lines()), changes.isEmpty() ? List.of("no_changes") : changes);
    }

    // ---------------------------------------------------------------- E5

    @Transactional
    public CancelBookingResponse cancel(CurrentUser caller, String bookingId, CancelBookingRequest request) {
        Booking booking = modifiable(caller, bookingId);
        String reason = request.reason() == null ? "cancelled_by_customer" : request.reason();
        booking.cancel(caller.id(), reason, clock);
        capacity.release(booking.id());
        flush();
        return new CancelBookingResponse(booking.id(), booking.status(), booking.cancellationFee(), "none",
                booking.cancellationFee(), booking.cancelledAt(), booking.cancellationReason());
    }

    // ---------------------------------------------------------------- E7, E8, E9, E13 (roles A, M, W)

    @Transactional
    public ConfirmBookingResponse confirm(CurrentUser caller, String bookingId, ConfirmBookingRequest request) {
        Booking booking = visible(caller, bookingId);
        booking.confirm(caller.id(), request.notes(), clock);
        flush();
        return new ConfirmBookingResponse(booking.id(), booking.status(), booking.confirmedAt(), booking.confirmedBy());
    }

    @Transactional
    public StartBookingResponse start(CurrentUser caller, String bookingId) {
        Booking booking = visible(caller, bookingId);
        booking.start(caller.id(), clock);
        flush();
        return new StartBookingResponse(booking.id(), booking.status(), booking.actualStartTime(), booking.startedBy());
    }

    @Transactional
    public CompleteBookingResponse complete(CurrentUser caller, String bookingId, CompleteBookingRequest request) {
        Booking booking = visible(caller, bookingId);
        booking.complete(caller.id(), request.actualEndTime(), clock);
        capacity.release(booking.id());
        flush();
        return new CompleteBookingResponse(booking.id(), booking.status(), booking.actualEndTime(), booking.actualDurationMinutes(),
                booking.overtimeFee(), booking.finalPrice(), booking.completedBy());
    }

    @Transactional
    public NoShowResponse noShow(CurrentUser caller, String bookingId, NoShowRequest request) {
        Booking booking = visible(caller, bookingId);
        String reason = request.reason() == null ? "customer_did_not_show" : request.reason();
        booking.markNoShow(caller.id(), reason, clock);
        capacity.release(booking.id());
        flush();
        return new NoShowResponse(booking.id(), booking.status(), booking.scheduledAt(), booking.cancellationFee(),
                booking.noShowMarkedBy(), BookingPolicy.noShowGraceEnd(booking.scheduledAt()));
    }

    // ---------------------------------------------------------------- E10

    @Transactional
    public RescheduleBookingResponse reschedule(CurrentUser caller, String bookingId, RescheduleBookingRequest request) {
        Booking booking = modifiable(caller, bookingId);
        Instant old = booking.scheduledAt();
        booking.reschedule(request.newScheduledAt(), request.reason(), "new_scheduled_at", clock);
        checkOpeningHours(booking);
        reallocate(booking, caller);
        flush();
        return new RescheduleBookingResponse(booking.id(), booking.status(), old, booking.scheduledAt(), caller.id(),
                booking.washBayId(), booking.mobileTeamId());
    }

    // ---------------------------------------------------------------- E11, E12

    @Transactional
    public AddServicesResponse addServices(CurrentUser caller, String bookingId, AddServicesRequest request) {
        Booking booking = modifiable(caller, bookingId);
        if (booking.status() != BookingStatus.PENDING) {
            throw new BusinessRuleViolationException("BOK", 13, "Can only add services to pending bookings");
        }
        List<BookingLine> added = snapshots(request.serviceIds());
        booking.addServices(added, clock);
        checkOpeningHours(booking);
        reallocate(booking, caller);
        flush();
        return new AddServicesResponse(booking.id(), booking.status(), ServiceLine.of(added), booking.totalPrice(),
                booking.estimatedDurationMinutes(), booking.lines().size());
    }

    @Transactional
    public RemoveServiceResponse removeService(CurrentUser caller, String bookingId, String serviceId) {
        Booking booking = modifiable(caller, bookingId);
        BookingLine removed = booking.removeService(Ids.parse(serviceId).orElse(null), clock);
        reallocate(booking, caller);
        flush();
        return new RemoveServiceResponse(booking.id(), booking.status(), List.of(ServiceLine.of(removed)), booking.totalPrice(),
                booking.estimatedDurationMinutes(), booking.lines().size());
    }

    // ---------------------------------------------------------------- E14

    @Transactional
    public RateBookingResponse rate(CurrentUser caller, String bookingId, RateBookingRequest request) {
        Booking booking = visible(caller, bookingId);
        if (!booking.isOwnedBy(caller.id())) {
            throw new ForbiddenException("You can only rate your own bookings");
        }
        booking.rate(request.rating(), request.feedback(), clock);
        flush();
        return new RateBookingResponse(booking.id(), booking.status(), booking.rating(), booking.feedback(), booking.ratedAt());
    }
}
