package com.blingauto.facilities;

import com.blingauto.facilities.FacilitiesApi.CreateMobileTeamRequest;
import com.blingauto.facilities.FacilitiesApi.CreateWashBayRequest;
import com.blingauto.facilities.FacilitiesApi.DeletedMobileTeam;
import com.blingauto.facilities.FacilitiesApi.DeletedWashBay;
import com.blingauto.facilities.FacilitiesApi.MobileTeamList;
import com.blingauto.facilities.FacilitiesApi.MobileTeamView;
import com.blingauto.facilities.FacilitiesApi.UpdateMobileTeamRequest;
import com.blingauto.facilities.FacilitiesApi.UpdateWashBayRequest;
import com.blingauto.facilities.FacilitiesApi.WashBayList;
import com.blingauto.facilities.FacilitiesApi.WashBayView;
import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Spec 06 E1–E8. */
@RestController
@RequestMapping("/api/v1/facilities")
@Tag(name = "facilities")
class FacilitiesController {

    private final FacilitiesService facilities;

    FacilitiesController(FacilitiesService facilities) {
        this.facilities = facilities;
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PostMapping("/wash-bays")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a wash bay")
    WashBayView createWashBay(@Valid @RequestBody CreateWashBayRequest request) {
        return facilities.createWashBay(request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER, Role.WASHER})
    @GetMapping("/wash-bays")
    @Operation(summary = "List wash bays with status counts")
    WashBayList listWashBays(@RequestParam(name = "status", required = false) String status,
                             @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive) {
        return facilities.listWashBays(status, includeInactive);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PatchMapping("/wash-bays/{wash_bay_id}")
    @Operation(summary = "Update a wash bay (any subset of fields)")
    WashBayView updateWashBay(@PathVariable("wash_bay_id") String washBayId,
                              @Valid @RequestBody(required = false) UpdateWashBayRequest request) {
        return facilities.updateWashBay(washBayId, request);
    }

    @AllowedRoles(Role.ADMIN)
    @DeleteMapping("/wash-bays/{wash_bay_id}")
    @Operation(summary = "Deactivate (soft-delete) a wash bay")
    DeletedWashBay deleteWashBay(@PathVariable("wash_bay_id") String washBayId) {
        return facilities.deleteWashBay(washBayId);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PostMapping("/mobile-teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a mobile team")
    MobileTeamView createMobileTeam(@Valid @RequestBody CreateMobileTeamRequest request) {
        return facilities.createMobileTeam(request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER, Role.WASHER})
    @GetMapping("/mobile-teams")
    @Operation(summary = "List mobile teams with status counts")
    MobileTeamList listMobileTeams(@RequestParam(name = "status", required = false) String status,
                                   @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive) {
        return facilities.listMobileTeams(status, includeInactive);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PatchMapping("/mobile-teams/{team_id}")
    @Operation(summary = "Update a mobile team (any subset of fields)")
    MobileTeamView updateMobileTeam(@PathVariable("team_id") String teamId,
                                    @Valid @RequestBody(required = false) UpdateMobileTeamRequest request) {
        return facilities.updateMobileTeam(teamId, request);
    }

    @AllowedRoles(Role.ADMIN)
    @DeleteMapping("/mobile-teams/{team_id}")
    @Operation(summary = "Deactivate (soft-delete) a mobile team")
    DeletedMobileTeam deleteMobileTeam(@PathVariable("team_id") String teamId) {
        return facilities.deleteMobileTeam(teamId);
    }
}
