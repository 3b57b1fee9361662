package com.blingauto.scheduling;

import com.blingauto.scheduling.SchedulingApi.AvailabilityRequest;
import com.blingauto.scheduling.SchedulingApi.AvailabilityResult;
import com.blingauto.scheduling.SchedulingApi.BookSlotRequest;
import com.blingauto.scheduling.SchedulingApi.BusinessHours;
import com.blingauto.scheduling.SchedulingApi.BusinessHoursRequest;
import com.blingauto.scheduling.SchedulingApi.Closure;
import com.blingauto.scheduling.SchedulingApi.ClosureList;
import com.blingauto.scheduling.SchedulingApi.CreateClosureRequest;
import com.blingauto.scheduling.SchedulingApi.ResourceOverview;
import com.blingauto.scheduling.SchedulingApi.SlotHold;
import com.blingauto.scheduling.SchedulingApi.SlotList;
import com.blingauto.scheduling.SchedulingApi.SlotSearchRequest;
import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.PublicEndpoint;
import com.blingauto.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Spec 07 E1–E10. */
@RestController
@RequestMapping("/api/v1/scheduling")
@Tag(name = "scheduling")
class SchedulingController {

    private final SchedulingService scheduling;

    SchedulingController(SchedulingService scheduling) {
        this.scheduling = scheduling;
    }

    @PostMapping("/check-availability")
    @Operation(summary = "Is a resource free at the requested time? (reserves nothing)")
    AvailabilityResult checkAvailability(@Valid @RequestBody AvailabilityRequest request) {
        return scheduling.checkAvailability(request);
    }

    @PostMapping("/available-slots")
    @Operation(summary = "Free slots on the 30-minute grid in a date range")
    SlotList availableSlots(@Valid @RequestBody SlotSearchRequest request) {
        return scheduling.availableSlots(request);
    }

    @PublicEndpoint
    @GetMapping("/resources")
    @Operation(summary = "Wash bays and mobile teams with today's utilization")
    ResourceOverview resources() {
        return scheduling.resources();
    }

    @PostMapping("/book-slot")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hold a slot of a resource for a booking")
    SlotHold bookSlot(CurrentUser caller, @Valid @RequestBody BookSlotRequest request) {
        return scheduling.bookSlot(caller, request);
    }

    @DeleteMapping("/book-slot/{slot_id}")
    @Operation(summary = "Release a slot hold")
    SchedulingApi.Message releaseSlot(CurrentUser caller, @PathVariable("slot_id") String slotId) {
        return scheduling.releaseSlot(caller, slotId);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @GetMapping("/business-hours")
    @Operation(summary = "Opening hours of the week (extension)")
    BusinessHours businessHours() {
        return scheduling.businessHours();
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PutMapping("/business-hours")
    @Operation(summary = "Replace the opening hours of the week (extension)")
    BusinessHours replaceBusinessHours(@Valid @RequestBody BusinessHoursRequest request) {
        return scheduling.replaceBusinessHours(request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @GetMapping("/closures")
    @Operation(summary = "Closure days (extension)")
    ClosureList closures(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return scheduling.closures(from, to);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PostMapping("/closures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close a whole day (extension)")
    Closure createClosure(CurrentUser caller, @Valid @RequestBody CreateClosureRequest request) {
        return scheduling.createClosure(caller, request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @DeleteMapping("/closures/{closure_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reopen a closed day (extension)")
    void deleteClosure(@PathVariable("closure_id") String closureId) {
        scheduling.deleteClosure(closureId);
    }
}
