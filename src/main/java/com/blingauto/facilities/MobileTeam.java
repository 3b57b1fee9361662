package com.blingauto.facilities;

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

/** A mobile team: serves locations within its radius of its base (FAC-6), up to a daily capacity (SCH-8). */
@Entity
@Table(name = "mobile_teams")
class MobileTeam {

    @Id
    private UUID id;
    @Column(name = "team_name")
    private String teamName;
    @Column(name = "base_latitude")
    private BigDecimal baseLatitude;
    @Column(name = "base_longitude")
    private BigDecimal baseLongitude;
    @Column(name = "service_radius_km")
    private BigDecimal serviceRadiusKm;
    @Column(name = "daily_capacity")
    private int dailyCapacity;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "equipment_types")
    private String[] equipmentTypes;
    private String status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Version
    private long version;

    protected MobileTeam() {
    }

    static MobileTeam create(String teamName, BigDecimal latitude, BigDecimal longitude, BigDecimal radiusKm,
                             int dailyCapacity, List<String> equipment, Instant now) {
        MobileTeam team = new MobileTeam();
        team.id = UUID.randomUUID();
        team.teamName = teamName;
        team.baseLatitude = latitude;
        team.baseLongitude = longitude;
        team.serviceRadiusKm = radiusKm;
        team.dailyCapacity = dailyCapacity;
        team.equipmentTypes = equipment.toArray(String[]::new);
        team.status = ResourceStatus.ACTIVE.wire();
        team.createdAt = now;
        team.updatedAt = now;
        return team;
    }

    void rename(String newName) {
        teamName = newName;
    }

    void moveBase(BigDecimal latitude, BigDecimal longitude) {
        baseLatitude = latitude;
        baseLongitude = longitude;
    }

    void serviceRadius(BigDecimal km) {
        serviceRadiusKm = km;
    }

    void dailyCapacity(int capacity) {
        dailyCapacity = capacity;
    }

    void equip(List<String> equipment) {
        equipmentTypes = equipment.toArray(String[]::new);
    }

    /** FAC-3: a team is either active or inactive (maintenance is requested as inactive). */
    void changeStatus(ResourceStatus requested) {
        status = (requested == ResourceStatus.ACTIVE ? ResourceStatus.ACTIVE : ResourceStatus.INACTIVE).wire();
    }

    void touched(Instant now) {
        updatedAt = now;
    }

    void delete(Instant now) {
        deletedAt = now;
        status = ResourceStatus.INACTIVE.wire();
        updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String teamName() {
        return teamName;
    }

    BigDecimal baseLatitude() {
        return baseLatitude;
    }

    BigDecimal baseLongitude() {
        return baseLongitude;
    }

    BigDecimal serviceRadiusKm() {
        return serviceRadiusKm;
    }

    int dailyCapacity() {
        return dailyCapacity;
    }

    List<String> equipmentTypes() {
        return equipmentTypes == null ? List.of() : List.of(equipmentTypes);
    }

    ResourceStatus status() {
        return ResourceStatus.of(status);
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

    MobileTeamResource resource() {
        return new MobileTeamResource(id, teamName, baseLatitude.doubleValue(), baseLongitude.doubleValue(),
                serviceRadiusKm, dailyCapacity, equipmentTypes(), status());
    }
}
