package com.blingauto.scheduling;

import com.blingauto.shared.VehicleSize;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Requests and representations of spec 07 §2–3. */
public final class SchedulingApi {

    private SchedulingApi() {
    }

    public record LocationInput(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 8) BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 8) BigDecimal longitude) {
    }

    public record AvailabilityRequest(
            @NotNull String requestedTime,
            @NotNull @Min(1) @Max(240) Integer durationMinutes,
            @NotNull VehicleSize vehicleSize,
            @NotNull ResourceType serviceType,
            @Valid LocationInput customerLocation,
            List<@NotNull String> requiredEquipment) {
    }

    public record SlotSearchRequest(
            @NotNull String startDate,
            @NotNull String endDate,
            @NotNull ResourceType serviceType,
            @Min(1) @Max(240) Integer durationMinutes,
            VehicleSize vehicleSize,
            @Valid LocationInput customerLocation) {
    }

    public record BookSlotRequest(
            @NotNull UUID resourceId,
            @NotNull String startTime,
            @NotNull @Min(1) @Max(240) Integer durationMinutes,
            @NotNull UUID bookingId,
            @NotNull UUID customerId) {
    }

    public record BreakInput(@NotNull LocalTime startTime, @NotNull LocalTime endTime) {
    }

    public record DayHoursInput(
            @NotNull Weekday day,
            Boolean isClosed,
            LocalTime openTime,
            LocalTime closeTime,
            @Size(max = 5) List<@NotNull @Valid BreakInput> breaks) {

        boolean closed() {
            return Boolean.TRUE.equals(isClosed);
        }
    }

    public record BusinessHoursRequest(@NotNull @Size(min = 1, max = 7) List<@NotNull @Valid DayHoursInput> days) {
    }

    public record CreateClosureRequest(@NotNull LocalDate date, @Size(max = 200) String reason) {
    }

    // ---- representations ----------------------------------------------------------------------------------

    public record AvailabilityResult(boolean available, UUID resourceId, ResourceType resourceType, Instant confirmedTime,
                                     Integer durationMinutes, Integer estimatedTravelTime, String reason,
                                     List<Alternative> alternatives) {

        static AvailabilityResult unavailable(String reason, List<Alternative> alternatives) {
            return new AvailabilityResult(false, null, null, null, null, null, reason, alternatives);
        }
    }

    public record Slot(UUID resourceId, ResourceType resourceType, Instant startTime, Instant endTime, int durationMinutes,
                       BigDecimal capacityUtilization) {
    }

    public record SearchCriteria(Instant startDate, Instant endDate, ResourceType serviceType, int durationMinutes,
                                 VehicleSize vehicleSize) {
    }

    public record SlotList(List<Slot> slots, int totalCount, SearchCriteria searchCriteria) {
    }

    public record Location(double latitude, double longitude) {
    }

    public record WashBayOverview(UUID id, String bayNumber, VehicleSize maxVehicleSize, List<String> equipmentTypes,
                                  String status, BigDecimal currentUtilization) {
    }

    public record MobileTeamOverview(UUID id, String teamName, Location baseLocation, String serviceRadiusKm, int dailyCapacity,
                                     List<String> equipmentTypes, String status, BigDecimal currentUtilization) {
    }

    public record ResourceOverview(List<WashBayOverview> washBays, List<MobileTeamOverview> mobileTeams, int totalWashBays,
                                   int totalMobileTeams) {
    }

    public record SlotHold(boolean success, UUID slotId, Instant confirmedTime, UUID resourceId, String message) {
    }

    public record Message(String message) {
    }

    public record BreakView(String startTime, String endTime) {
    }

    public record DayView(Weekday day, boolean isClosed, String openTime, String closeTime, List<BreakView> breaks) {
    }

    public record BusinessHours(String timezone, boolean isDefault, List<DayView> days) {
    }

    public record Closure(UUID id, LocalDate date, String reason, UUID createdBy, Instant createdAt) {
    }

    public record ClosureList(List<Closure> items, int total) {
    }
}
