package com.blingauto.vehicles;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.VehicleSize;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer's vehicle; it owns the default and deletion rules of VEH-3 to VEH-5. Values are stored normalised (VEH-1). */
@Entity
@Table(name = "vehicles")
class Vehicle {

    static final String RULE = "VEH";

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    private String make;
    private String model;
    private int year;
    private String color;
    @Column(name = "license_plate")
    private String licensePlate;
    @Column(name = "vehicle_size")
    private String vehicleSize;
    @Column(name = "is_default")
    private boolean isDefault;
    @Column(name = "is_deleted")
    private boolean isDeleted;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Vehicle() {
    }

    static Vehicle register(UUID customerId, String make, String model, int year, String color, String licensePlate,
                            VehicleSize size, boolean isDefault, Instant now) {
        Vehicle vehicle = new Vehicle();
        vehicle.id = UUID.randomUUID();
        vehicle.customerId = customerId;
        vehicle.make = make;
        vehicle.model = model;
        vehicle.year = year;
        vehicle.color = color;
        vehicle.licensePlate = licensePlate;
        vehicle.vehicleSize = size.wire();
        vehicle.isDefault = isDefault;
        vehicle.createdAt = now;
        vehicle.updatedAt = now;
        return vehicle;
    }

    /** VEH-5.4; the given values are already normalised, {@code null} keeps the stored one. */
    void update(String newMake, String newModel, Integer newYear, String newColor, String newPlate, VehicleSize newSize,
                Instant now) {
        if (isDeleted) {
            throw new BusinessRuleViolationException(RULE, 5, "Cannot update a deleted vehicle");
        }
        if (newMake == null && newModel == null && newYear == null && newColor == null && newPlate == null && newSize == null) {
            return;
        }
        if (newMake != null) {
            make = newMake;
        }
        if (newModel != null) {
            model = newModel;
        }
        if (newYear != null) {
            year = newYear;
        }
        if (newColor != null) {
            color = newColor;
        }
        if (newPlate != null) {
            licensePlate = newPlate;
        }
        if (newSize != null) {
            vehicleSize = newSize.wire();
        }
        updatedAt = now;
    }

    /**
     * VEH-5 in the order the spec lists its checks; {@code otherVehicles} counts the owner's other non-deleted
     * vehicles. Deleting the customer's only vehicle, default or not, is allowed.
     */
    static void checkDeletable(boolean deleted, boolean hasActiveBookings, boolean isDefault, long otherVehicles) {
        if (deleted) {
            throw new BusinessRuleViolationException(RULE, 5, "Vehicle is already deleted");
        }
        if (hasActiveBookings) {
            throw new BusinessRuleViolationException(RULE, 5, "Cannot delete a vehicle with active bookings");
        }
        if (isDefault && otherVehicles > 0) {
            throw new BusinessRuleViolationException(RULE, 5, "Cannot delete the default vehicle while other vehicles exist");
        }
    }

    void delete(boolean hasActiveBookings, long otherVehicles, Instant now) {
        checkDeletable(isDeleted, hasActiveBookings, isDefault, otherVehicles);
        isDeleted = true;
        deletedAt = now;
        isDefault = false;
        updatedAt = now;
    }

    /** VEH-4 checks; answers whether the vehicle must become the default (false when it already is). */
    static boolean checkCanBecomeDefault(boolean ownedByCaller, boolean deleted, boolean alreadyDefault) {
        if (!ownedByCaller) {
            throw new BusinessRuleViolationException(RULE, 4, "Vehicle does not belong to this customer");
        }
        if (deleted) {
            throw new BusinessRuleViolationException(RULE, 4, "Cannot set a deleted vehicle as default");
        }
        return !alreadyDefault;
    }

    void makeDefault(Instant now) {
        isDefault = true;
        updatedAt = now;
    }

    void clearDefault(Instant now) {
        isDefault = false;
        updatedAt = now;
    }

    boolean ownedBy(UUID userId) {
        return customerId.equals(userId);
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    String make() {
        return make;
    }

    String model() {
        return model;
    }

    int year() {
        return year;
    }

    String color() {
        return color;
    }

    String licensePlate() {
        return licensePlate;
    }

    VehicleSize vehicleSize() {
        return VehicleSize.parse(vehicleSize).orElseThrow();
    }

    boolean isDefault() {
        return isDefault;
    }

    boolean isDeleted() {
        return isDeleted;
    }

    Instant deletedAt() {
        return deletedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String displayName() {
        return VehicleText.displayName(year, make, model);
    }

    VehicleSnapshot snapshot() {
        return new VehicleSnapshot(id, customerId, make, model, year, color, licensePlate, vehicleSize(), isDeleted);
    }
}
