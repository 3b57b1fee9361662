package com.blingauto.vehicles;

import com.blingauto.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Spec 02 E1–E6: every authenticated user manages their own vehicles; admins may read, change and delete any. */
@RestController
@RequestMapping("/api/v1/vehicles")
@Tag(name = "vehicles")
class VehicleController {

    private final VehicleService vehicles;

    VehicleController(VehicleService vehicles) {
        this.vehicles = vehicles;
    }

    @GetMapping
    @Operation(summary = "The caller's non-deleted vehicles, default first")
    VehiclesApi.VehicleList list(CurrentUser caller,
                                 @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
                                 @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit) {
        return vehicles.list(caller, page, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a vehicle for the caller")
    VehiclesApi.VehicleResponse create(CurrentUser caller, @Valid @RequestBody VehiclesApi.CreateVehicleRequest request) {
        return vehicles.create(caller, request);
    }

    @GetMapping("/{vehicle_id}")
    @Operation(summary = "One vehicle (owner or admin), deleted ones included")
    VehiclesApi.VehicleResponse get(CurrentUser caller, @PathVariable("vehicle_id") String vehicleId) {
        return vehicles.get(caller, vehicleId);
    }

    @PutMapping("/{vehicle_id}")
    @Operation(summary = "Change any subset of a vehicle's fields (owner or admin)")
    VehiclesApi.VehicleResponse update(CurrentUser caller, @PathVariable("vehicle_id") String vehicleId,
                                       @Valid @RequestBody(required = false) VehiclesApi.UpdateVehicleRequest request) {
        return vehicles.update(caller, vehicleId, request == null ? VehiclesApi.UpdateVehicleRequest.EMPTY : request);
    }

    @DeleteMapping("/{vehicle_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Soft-delete a vehicle (owner or admin)")
    void delete(CurrentUser caller, @PathVariable("vehicle_id") String vehicleId) {
        vehicles.delete(caller, vehicleId);
    }

    @PutMapping("/{vehicle_id}/default")
    @Operation(summary = "Make one of the caller's vehicles the default")
    VehiclesApi.VehicleResponse setDefault(CurrentUser caller, @PathVariable("vehicle_id") String vehicleId) {
        return vehicles.setDefault(caller, vehicleId);
    }
}
