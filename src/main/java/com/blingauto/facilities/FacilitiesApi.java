package com.blingauto.facilities;

import com.blingauto.shared.VehicleSize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and representations of spec 06 §2–3. */
public final class FacilitiesApi {

    private FacilitiesApi() {
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static List<String> stripAll(List<String> values) {
        return values == null ? null : values.stream().map(FacilitiesApi::strip).toList();
    }

    public record CreateWashBayRequest(
            @NotBlank @Size(max = 50) String bayNumber,
            @NotNull VehicleSize maxVehicleSize,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> equipmentTypes,
            @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 8) BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 8) BigDecimal longitude) {

        public CreateWashBayRequest {
            bayNumber = strip(bayNumber);
            equipmentTypes = stripAll(equipmentTypes);
        }
    }

    public record UpdateWashBayRequest(
            @Size(min = 1, max = 50) String bayNumber,
            VehicleSize maxVehicleSize,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> equipmentTypes,
            ResourceStatus status,
            @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 8) BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 8) BigDecimal longitude) {

        public UpdateWashBayRequest {
            bayNumber = strip(bayNumber);
            equipmentTypes = stripAll(equipmentTypes);
        }

        static final UpdateWashBayRequest EMPTY = new UpdateWashBayRequest(null, null, null, null, null, null);
    }

    public record CreateMobileTeamRequest(
            @NotBlank @Size(max = 100) String teamName,
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 8) BigDecimal baseLatitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 8) BigDecimal baseLongitude,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("9999.99") @Digits(integer = 6, fraction = 2) BigDecimal serviceRadiusKm,
            @Min(1) @Max(1000) Integer dailyCapacity,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> equipmentTypes) {

        public CreateMobileTeamRequest {
            teamName = strip(teamName);
            equipmentTypes = stripAll(equipmentTypes);
        }
    }

    public record UpdateMobileTeamRequest(
            @Size(min = 1, max = 100) String teamName,
            @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 8) BigDecimal baseLatitude,
            @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 8) BigDecimal baseLongitude,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("9999.99") @Digits(integer = 6, fraction = 2) BigDecimal serviceRadiusKm,
            @Min(1) @Max(1000) Integer dailyCapacity,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> equipmentTypes,
            ResourceStatus status) {

        public UpdateMobileTeamRequest {
            teamName = strip(teamName);
            equipmentTypes = stripAll(equipmentTypes);
        }

        static final UpdateMobileTeamRequest EMPTY = new UpdateMobileTeamRequest(null, null, null, null, null, null, null);
    }

    /** Coordinates on the wire are JSON numbers (CNV-23). */
    public record Location(double latitude, double longitude) {

        static Location of(BigDecimal latitude, BigDecimal longitude) {
            return latitude == null || longitude == null ? null : new Location(latitude.doubleValue(), longitude.doubleValue());
        }
    }

    public record WashBayView(UUID id, String bayNumber, VehicleSize maxVehicleSize, List<String> equipmentTypes,
                              ResourceStatus status, Location location, Instant createdAt, Instant updatedAt) {

        static WashBayView of(WashBay bay) {
            return new WashBayView(bay.id(), bay.bayNumber(), bay.maxVehicleSize(), bay.equipmentTypes(), bay.status(),
                    Location.of(bay.latitude(), bay.longitude()), bay.createdAt(), bay.updatedAt());
        }
    }

    public record MobileTeamView(UUID id, String teamName, Location baseLocation, String serviceRadiusKm, int dailyCapacity,
                                 List<String> equipmentTypes, ResourceStatus status, Instant createdAt, Instant updatedAt) {

        static MobileTeamView of(MobileTeam team) {
            return new MobileTeamView(team.id(), team.teamName(), Location.of(team.baseLatitude(), team.baseLongitude()),
                    decimal(team.serviceRadiusKm()), team.dailyCapacity(), team.equipmentTypes(), team.status(),
                    team.createdAt(), team.updatedAt());
        }
    }

    /** A 2-decimal string (CNV-21). */
    public static String decimal(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public record WashBayList(List<WashBayView> washBays, int totalCount, int activeCount, int inactiveCount,
                              int maintenanceCount) {
    }

    public record MobileTeamList(List<MobileTeamView> mobileTeams, int totalCount, int activeCount, int inactiveCount) {
    }

    public record DeletedWashBay(UUID id, String bayNumber, boolean deleted, String message) {
    }

    public record DeletedMobileTeam(UUID id, String teamName, boolean deleted, String message) {
    }
}
