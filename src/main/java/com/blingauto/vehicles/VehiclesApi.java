package com.blingauto.vehicles;

import com.blingauto.shared.VehicleSize;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and representations of spec 02 §2–3. Strings are trimmed on reading, so limits apply after trimming. */
public final class VehiclesApi {

    static final int MIN_YEAR = 1900;
    static final int YEARS_AHEAD = 2;

    private VehiclesApi() {
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public record CreateVehicleRequest(
            @NotNull @Size(min = 2, max = 50) String make,
            @NotNull @Size(min = 1, max = 50) String model,
            @NotNull @Min(MIN_YEAR) @YearsAhead(YEARS_AHEAD) Integer year,
            @NotNull @Size(min = 2, max = 30) String color,
            @NotNull @Size(min = 2, max = 20) String licensePlate,
            VehicleSize vehicleSize,
            Boolean isDefault) {

        public CreateVehicleRequest {
            make = strip(make);
            model = strip(model);
            color = strip(color);
            licensePlate = strip(licensePlate);
        }
    }

    /** Any subset; an absent or null field keeps the stored value (CNV-10). {@code is_default} is ignored here (E6). */
    public record UpdateVehicleRequest(
            @Size(min = 2, max = 50) String make,
            @Size(min = 1, max = 50) String model,
            @Min(MIN_YEAR) @YearsAhead(YEARS_AHEAD) Integer year,
            @Size(min = 2, max = 30) String color,
            @Size(min = 2, max = 20) String licensePlate,
            VehicleSize vehicleSize) {

        static final UpdateVehicleRequest EMPTY = new UpdateVehicleRequest(null, null, null, null, null, null);

        public UpdateVehicleRequest {
            make = strip(make);
            model = strip(model);
            color = strip(color);
            licensePlate = strip(licensePlate);
        }
    }

    /** The {@code Vehicle} representation. */
    public record VehicleResponse(
            UUID id,
            UUID customerId,
            String make,
            String model,
            int year,
            String color,
            String licensePlate,
            VehicleSize vehicleSize,
            boolean isDefault,
            boolean isDeleted,
            String displayName,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt) {

        static VehicleResponse of(Vehicle v) {
            return new VehicleResponse(v.id(), v.customerId(), v.make(), v.model(), v.year(), v.color(), v.licensePlate(),
                    v.vehicleSize(), v.isDefault(), v.isDeleted(), v.displayName(), v.createdAt(), v.updatedAt(), v.deletedAt());
        }
    }

    /** A list item: the {@code Vehicle} fields without customer_id, updated_at and deleted_at. */
    public record VehicleSummary(
            UUID id,
            String make,
            String model,
            int year,
            String color,
            String licensePlate,
            VehicleSize vehicleSize,
            boolean isDefault,
            boolean isDeleted,
            String displayName,
            Instant createdAt) {

        static VehicleSummary of(Vehicle v) {
            return new VehicleSummary(v.id(), v.make(), v.model(), v.year(), v.color(), v.licensePlate(), v.vehicleSize(),
                    v.isDefault(), v.isDeleted(), v.displayName(), v.createdAt());
        }
    }

    public record VehicleList(List<VehicleSummary> vehicles, long totalCount, int page, int limit, boolean hasNext,
                              UUID defaultVehicleId) {
    }
}
