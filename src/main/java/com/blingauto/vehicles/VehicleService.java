package com.blingauto.vehicles;

import com.blingauto.shared.ConflictException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.Ids;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.Role;
import com.blingauto.shared.VehicleSize;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spec 02: a customer's vehicles. Every change to a customer's vehicles first takes that customer's lock
 * (VEH-2, VEH-3), then reads and locks the vehicle row, so checks and writes see the same state.
 */
@Service
public class VehicleService {

    static final String NOT_FOUND = "Vehicle not found";
    static final String PLATE_INDEX = "vehicles_customer_plate_key";
    static final String DEFAULT_INDEX = "vehicles_customer_default_key";

    private final VehicleRepository vehicles;
    private final ObjectProvider<VehicleBookings> bookings;
    private final Clock clock;

    VehicleService(VehicleRepository vehicles, ObjectProvider<VehicleBookings> bookings, Clock clock) {
        this.vehicles = vehicles;
        this.bookings = bookings;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** E1 (VEH-6): the caller's own non-deleted vehicles, admins included. */
    @Transactional(readOnly = true)
    public VehiclesApi.VehicleList list(CurrentUser caller, int page, int limit) {
        var found = vehicles.listActive(caller.id(), PageRequest.of(page - 1, limit));
        UUID defaultId = vehicles.findDefault(caller.id()).map(Vehicle::id).orElse(null);
        long total = found.getTotalElements();
        return new VehiclesApi.VehicleList(found.getContent().stream().map(VehiclesApi.VehicleSummary::of).toList(),
                total, page, limit, (long) page * limit < total, defaultId);
    }

    /** E2: VEH-1 normalisation, VEH-2 plate uniqueness, VEH-3 default. */
    @Transactional
    public VehiclesApi.VehicleResponse create(CurrentUser caller, VehiclesApi.CreateVehicleRequest request) {
        UUID customerId = caller.id();
        String plate = VehicleText.plate(request.licensePlate());
        vehicles.lockCustomer(customerId);
        if (vehicles.plateTaken(customerId, plate, new UUID(0, 0))) {
            throw plateTaken(plate);
        }
        boolean makeDefault = vehicles.countActive(customerId) == 0 || Boolean.TRUE.equals(request.isDefault());
        Instant now = now();
        if (makeDefault) {
            clearDefault(customerId, now);
        }
        Vehicle vehicle = Vehicle.register(customerId, VehicleText.titleCase(request.make()), VehicleText.titleCase(request.model()),
                request.year(), VehicleText.titleCase(request.color()), plate,
                request.vehicleSize() == null ? VehicleSize.STANDARD : request.vehicleSize(), makeDefault, now);
        vehicles.save(vehicle);
        flush(plate);
        return VehiclesApi.VehicleResponse.of(vehicle);
    }

    /** E3 (VEH-6): owner or admin; soft-deleted vehicles stay readable. */
    @Transactional(readOnly = true)
    public VehiclesApi.VehicleResponse get(CurrentUser caller, String vehicleId) {
        UUID id = Ids.parse(vehicleId).orElseThrow(() -> notFound(vehicleId));
        Vehicle vehicle = vehicles.findById(id).filter(v -> visibleTo(caller, v.customerId())).orElseThrow(() -> notFound(vehicleId));
        return VehiclesApi.VehicleResponse.of(vehicle);
    }

    /** E4: VEH-1, VEH-2, VEH-5.4. A deleted vehicle is outside the uniqueness set, so its rule answers first. */
    @Transactional
    public VehiclesApi.VehicleResponse update(CurrentUser caller, String vehicleId, VehiclesApi.UpdateVehicleRequest request) {
        Vehicle vehicle = lockVisible(caller, vehicleId);
        String plate = request.licensePlate() == null ? null : VehicleText.plate(request.licensePlate());
        if (!vehicle.isDeleted() && plate != null && !plate.equals(vehicle.licensePlate())
                && vehicles.plateTaken(vehicle.customerId(), plate, vehicle.id())) {
            throw plateTaken(plate);
        }
        vehicle.update(title(request.make()), title(request.model()), request.year(), title(request.color()), plate,
                request.vehicleSize(), now());
        flush(plate);
        return VehiclesApi.VehicleResponse.of(vehicle);
    }

    /** E5: VEH-5 soft deletion. */
    @Transactional
    public void delete(CurrentUser caller, String vehicleId) {
        Vehicle vehicle = lockVisible(caller, vehicleId);
        boolean activeBookings = !vehicle.isDeleted() && hasActiveBookings(vehicle.id());
        long others = vehicle.isDeleted() ? 0 : vehicles.countActive(vehicle.customerId()) - 1;
        vehicle.delete(activeBookings, others, now());
        flush(null);
    }

    /** E6: VEH-4; an admin reaches the ownership rule, anyone else who is not the owner gets 404. */
    @Transactional
    public VehiclesApi.VehicleResponse setDefault(CurrentUser caller, String vehicleId) {
        Vehicle vehicle = lockVisible(caller, vehicleId);
        if (Vehicle.checkCanBecomeDefault(vehicle.ownedBy(caller.id()), vehicle.isDeleted(), vehicle.isDefault())) {
            Instant now = now();
            clearDefault(vehicle.customerId(), now);
            vehicle.makeDefault(now);
            flush(null);
        }
        return VehiclesApi.VehicleResponse.of(vehicle);
    }

    /** VEH-7: the vehicle as bookings read it, deleted or not; empty when no such vehicle exists. No lock. */
    @Transactional(readOnly = true)
    public Optional<VehicleSnapshot> findForBooking(UUID vehicleId) {
        return vehicles.findById(vehicleId).map(Vehicle::snapshot);
    }

    /**
     * VEH-5/VEH-7 for the transaction that creates a booking: like {@link #findForBooking}, but the vehicle row
     * stays share-locked until that transaction ends. A deletion locks the row before asking
     * {@link VehicleBookings}, so it either waits for the booking's commit and then sees the booking, or
     * deletes first and this call then returns the vehicle as deleted. Needs a read-write transaction.
     */
    @Transactional
    public Optional<VehicleSnapshot> lockForBooking(UUID vehicleId) {
        return vehicles.findForShare(vehicleId).map(Vehicle::snapshot);
    }

    private boolean hasActiveBookings(UUID vehicleId) {
        VehicleBookings answer = bookings.getIfAvailable();
        return answer != null && answer.hasActiveBookings(vehicleId);
    }

    /**
     * The previous default loses its flag and is written before the new default, because Hibernate would
     * otherwise insert the new row first and trip the one-default index.
     */
    private void clearDefault(UUID customerId, Instant now) {
        vehicles.findDefault(customerId).ifPresent(previous -> {
            previous.clearDefault(now);
            flush(null);
        });
    }

    private Vehicle lockVisible(CurrentUser caller, String vehicleId) {
        UUID id = Ids.parse(vehicleId).orElseThrow(() -> notFound(vehicleId));
        UUID owner = vehicles.findCustomerId(id).filter(customer -> visibleTo(caller, customer))
                .orElseThrow(() -> notFound(vehicleId));
        vehicles.lockCustomer(owner);
        return vehicles.findForUpdate(id).orElseThrow(() -> notFound(vehicleId));
    }

    private static boolean visibleTo(CurrentUser caller, UUID owner) {
        return owner.equals(caller.id()) || caller.is(Role.ADMIN);
    }

    /** Writes now, so that a unique index that still fires (a writer that skipped the lock) becomes a 409. */
    private void flush(String plate) {
        try {
            vehicles.flush();
        } catch (DataIntegrityViolationException e) {
            String constraint = constraint(e);
            if (PLATE_INDEX.equals(constraint) && plate != null) {
                throw plateTaken(plate);
            }
            if (PLATE_INDEX.equals(constraint) || DEFAULT_INDEX.equals(constraint)) {
                throw ConflictException.concurrentModification();
            }
            throw e;
        }
    }

    private static String constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                if (sql.getMessage().contains(PLATE_INDEX)) {
                    return PLATE_INDEX;
                }
                if (sql.getMessage().contains(DEFAULT_INDEX)) {
                    return DEFAULT_INDEX;
                }
            }
        }
        return null;
    }

    private static String title(String value) {
        return value == null ? null : VehicleText.titleCase(value);
    }

    static ConflictException plateTaken(String plate) {
        return new ConflictException("License plate '" + plate + "' is already registered for this customer", "license_plate");
    }

    static NotFoundException notFound(String vehicleId) {
        return new NotFoundException(NOT_FOUND, vehicleId);
    }
}
