package com.blingauto.facilities;

import com.blingauto.shared.VehicleSize;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A wash bay: one vehicle at a time, up to its maximum size (FAC-5). */
@Entity
@Table(name = "wash_bays")
class WashBay {

    @Id
    private UUID id;
    @Column(name = "bay_number")
    private String bayNumber;
    @Column(name = "max_vehicle_size")
    private String maxVehicleSize;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "equipment_types")
    private String[] equipmentTypes;
    private String status;
    @Column(name = "location_latitude")
    private BigDecimal latitude;
    @Column(name = "location_longitude")
    private BigDecimal longitude;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Version
    private long version;

    protected WashBay() {
    }

    /** FAC-1: new resources are active. */
    static WashBay create(String bayNumber, VehicleSize maxSize, List<String> equipment, BigDecimal latitude,
                          BigDecimal longitude, Instant now) {
        WashBay bay = new WashBay();
        bay.id = UUID.randomUUID();
        bay.bayNumber = bayNumber;
        bay.maxVehicleSize = maxSize.wire();
        bay.equipmentTypes = equipment.toArray(String[]::new);
        bay.status = ResourceStatus.ACTIVE.wire();
        bay.latitude = latitude;
        bay.longitude = longitude;
        bay.createdAt = now;
        bay.updatedAt = now;
        return bay;
    }

    void rename(String newNumber) {
        bayNumber = newNumber;
    }

    void resize(VehicleSize size) {
        maxVehicleSize = size.wire();
    }

    void equip(List<String> equipment) {
        equipmentTypes = equipment.toArray(String[]::new);
    }

    /** FAC-3: a bay is either active or in maintenance (inactive is requested as maintenance). */
    void changeStatus(ResourceStatus requested) {
        status = (requested == ResourceStatus.ACTIVE ? ResourceStatus.ACTIVE : ResourceStatus.MAINTENANCE).wire();
    }

    void locate(BigDecimal newLatitude, BigDecimal newLongitude) {
        latitude = newLatitude;
        longitude = newLongitude;
    }

    void touched(Instant now) {
        updatedAt = now;
    }

    /** FAC-7: soft deletion leaves the row inactive. */
    void delete(Instant now) {
        deletedAt = now;
        status = ResourceStatus.INACTIVE.wire();
        updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String bayNumber() {
        return bayNumber;
    }

    VehicleSize maxVehicleSize() {
        return VehicleSize.parse(maxVehicleSize).orElseThrow();
    }

    List<String> equipmentTypes() {
        return equipmentTypes == null ? List.of() : List.of(equipmentTypes);
    }

    ResourceStatus status() {
        return ResourceStatus.of(status);
    }

    BigDecimal latitude() {
        return latitude;
    }

    BigDecimal longitude() {
        return longitude;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    WashBayResource resource() {
        return new WashBayResource(id, bayNumber, maxVehicleSize(), equipmentTypes(), status());
    }
}
