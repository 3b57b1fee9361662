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
import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.ConflictException;
import com.blingauto.shared.Ids;
import com.blingauto.shared.InvalidRequestException;
import com.blingauto.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Wash bays and mobile teams (spec 06), and the read model other modules allocate from. */
@Service
public class FacilitiesService {

    static final String WASH_BAY_NOT_FOUND = "Wash bay not found";
    static final String MOBILE_TEAM_NOT_FOUND = "Mobile team not found";
    private static final BigDecimal DEFAULT_RADIUS_KM = new BigDecimal("50.00");
    private static final int DEFAULT_DAILY_CAPACITY = 8;

    private final WashBayRepository bays;
    private final MobileTeamRepository teams;
    private final ObjectProvider<ResourceReservations> reservations;
    private final Clock clock;

    FacilitiesService(WashBayRepository bays, MobileTeamRepository teams, ObjectProvider<ResourceReservations> reservations,
                      Clock clock) {
        this.bays = bays;
        this.teams = teams;
        this.reservations = reservations;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- the read model for scheduling and bookings -------------------------------------------------------

    /** Non-deleted wash bays of every status, ordered by bay number. */
    @Transactional(readOnly = true)
    public List<WashBayResource> washBays() {
        return bays.list(false).stream().map(WashBay::resource).toList();
    }

    /** Active, non-deleted wash bays (FAC-1), ordered by bay number. */
    @Transactional(readOnly = true)
    public List<WashBayResource> activeWashBays() {
        return washBays().stream().filter(WashBayResource::active).toList();
    }

    /** Non-deleted mobile teams of every status, ordered by team name. */
    @Transactional(readOnly = true)
    public List<MobileTeamResource> mobileTeams() {
        return teams.list(false).stream().map(MobileTeam::resource).toList();
    }

    /** Active, non-deleted mobile teams (FAC-1), ordered by team name. */
    @Transactional(readOnly = true)
    public List<MobileTeamResource> activeMobileTeams() {
        return mobileTeams().stream().filter(MobileTeamResource::active).toList();
    }

    /** A non-deleted wash bay of any status. */
    @Transactional(readOnly = true)
    public Optional<WashBayResource> findWashBay(UUID id) {
        return bays.findLive(id).map(WashBay::resource);
    }

    /** A non-deleted mobile team of any status. */
    @Transactional(readOnly = true)
    public Optional<MobileTeamResource> findMobileTeam(UUID id) {
        return teams.findLive(id).map(MobileTeam::resource);
    }

    // ---- wash bays (E1–E4) --------------------------------------------------------------------------------

    @Transactional
    public WashBayView createWashBay(CreateWashBayRequest request) {
        pairedCoordinates(request.latitude(), request.longitude(), "latitude", "longitude");
        refuseTakenBayNumber(request.bayNumber(), null);
        WashBay bay = WashBay.create(request.bayNumber(), request.maxVehicleSize(), equipment(request.equipmentTypes()),
                request.latitude(), request.longitude(), now());
        try {
            bays.saveAndFlush(bay);
        } catch (DataIntegrityViolationException e) {
            throw bayNumberTaken(request.bayNumber());
        }
        return WashBayView.of(bay);
    }

    @Transactional(readOnly = true)
    public WashBayList listWashBays(String status, boolean includeInactive) {
        Optional<ResourceStatus> filter = statusFilter(status);
        List<WashBay> all = bays.list(true);
        List<WashBayView> items = all.stream()
                .filter(b -> includeInactive || !b.deleted())
                .filter(b -> filter.isEmpty() || b.status() == filter.get())
                .map(WashBayView::of).toList();
        List<WashBay> live = all.stream().filter(b -> !b.deleted()).toList();
        return new WashBayList(items, items.size(), count(live.stream().map(WashBay::status).toList(), ResourceStatus.ACTIVE),
                count(live.stream().map(WashBay::status).toList(), ResourceStatus.INACTIVE),
                count(live.stream().map(WashBay::status).toList(), ResourceStatus.MAINTENANCE));
    }

    @Transactional
    public WashBayView updateWashBay(String washBayId, UpdateWashBayRequest request) {
        UpdateWashBayRequest r = request == null ? UpdateWashBayRequest.EMPTY : request;
        pairedCoordinates(r.latitude(), r.longitude(), "latitude", "longitude");
        WashBay bay = liveBay(washBayId);
        if (r.bayNumber() != null) {
            refuseTakenBayNumber(r.bayNumber(), bay.id());
            bay.rename(r.bayNumber());
        }
        if (r.maxVehicleSize() != null) {
            bay.resize(r.maxVehicleSize());
        }
        if (r.equipmentTypes() != null) {
            bay.equip(equipment(r.equipmentTypes()));
        }
        if (r.status() != null) {
            bay.changeStatus(r.status());
        }
        if (r.latitude() != null) {
            bay.locate(r.latitude(), r.longitude());
        }
        bay.touched(now());
        try {
            bays.flush();
        } catch (DataIntegrityViolationException e) {
            throw bayNumberTaken(r.bayNumber());
        }
        return WashBayView.of(bay);
    }

    /** FAC-7, FAC-8. */
    @Transactional
    public DeletedWashBay deleteWashBay(String washBayId) {
        WashBay bay = liveBay(washBayId);
        if (holdsReservations(bay.id())) {
            throw new BusinessRuleViolationException("FAC", 8, "Wash bay '" + bay.bayNumber() + "' has active bookings");
        }
        bay.delete(now());
        bays.flush();
        return new DeletedWashBay(bay.id(), bay.bayNumber(), true, "Wash bay '" + bay.bayNumber() + "' has been deactivated");
    }

    // ---- mobile teams (E5–E8) -----------------------------------------------------------------------------

    @Transactional
    public MobileTeamView createMobileTeam(CreateMobileTeamRequest request) {
        refuseTakenTeamName(request.teamName(), null);
        MobileTeam team = MobileTeam.create(request.teamName(), request.baseLatitude(), request.baseLongitude(),
                request.serviceRadiusKm() == null ? DEFAULT_RADIUS_KM : request.serviceRadiusKm(),
                request.dailyCapacity() == null ? DEFAULT_DAILY_CAPACITY : request.dailyCapacity(),
                equipment(request.equipmentTypes()), now());
        try {
            teams.saveAndFlush(team);
        } catch (DataIntegrityViolationException e) {
            throw teamNameTaken(request.teamName());
        }
        return MobileTeamView.of(team);
    }

    @Transactional(readOnly = true)
    public MobileTeamList listMobileTeams(String status, boolean includeInactive) {
        Optional<ResourceStatus> filter = statusFilter(status);
        List<MobileTeam> all = teams.list(true);
        List<MobileTeamView> items = all.stream()
                .filter(t -> includeInactive || !t.deleted())
                .filter(t -> filter.isEmpty() || t.status() == filter.get())
                .map(MobileTeamView::of).toList();
        List<ResourceStatus> live = all.stream().filter(t -> !t.deleted()).map(MobileTeam::status).toList();
        return new MobileTeamList(items, items.size(), count(live, ResourceStatus.ACTIVE), count(live, ResourceStatus.INACTIVE));
    }

    @Transactional
    public MobileTeamView updateMobileTeam(String teamId, UpdateMobileTeamRequest request) {
        UpdateMobileTeamRequest r = request == null ? UpdateMobileTeamRequest.EMPTY : request;
        pairedCoordinates(r.baseLatitude(), r.baseLongitude(), "base_latitude", "base_longitude");
        MobileTeam team = liveTeam(teamId);
        if (r.teamName() != null) {
            refuseTakenTeamName(r.teamName(), team.id());
            team.rename(r.teamName());
        }
        if (r.baseLatitude() != null) {
            team.moveBase(r.baseLatitude(), r.baseLongitude());
        }
        if (r.serviceRadiusKm() != null) {
            team.serviceRadius(r.serviceRadiusKm());
        }
        if (r.dailyCapacity() != null) {
            team.dailyCapacity(r.dailyCapacity());
        }
        if (r.equipmentTypes() != null) {
            team.equip(equipment(r.equipmentTypes()));
        }
        if (r.status() != null) {
            team.changeStatus(r.status());
        }
        team.touched(now());
        try {
            teams.flush();
        } catch (DataIntegrityViolationException e) {
            throw teamNameTaken(r.teamName());
        }
        return MobileTeamView.of(team);
    }

    @Transactional
    public DeletedMobileTeam deleteMobileTeam(String teamId) {
        MobileTeam team = liveTeam(teamId);
        if (holdsReservations(team.id())) {
            throw new BusinessRuleViolationException("FAC", 8, "Mobile team '" + team.teamName() + "' has active bookings");
        }
        team.delete(now());
        teams.flush();
        return new DeletedMobileTeam(team.id(), team.teamName(), true, "Mobile team '" + team.teamName() + "' has been deactivated");
    }

    // ---- rules --------------------------------------------------------------------------------------------

    /** FAC-9: trimmed (by the request), duplicates dropped keeping the first occurrence, order preserved. */
    static List<String> equipment(List<String> requested) {
        return requested == null ? List.of() : List.copyOf(new LinkedHashSet<>(requested));
    }

    /** FAC-4: coordinates come as a pair. */
    private static void pairedCoordinates(BigDecimal latitude, BigDecimal longitude, String latitudeField, String longitudeField) {
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidRequestException("body -> " + (latitude == null ? latitudeField : longitudeField),
                    latitudeField.replace("base_", "") + " and " + longitudeField.replace("base_", "") + " must be given together",
                    "value_error");
        }
    }

    private static Optional<ResourceStatus> statusFilter(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ResourceStatus.parse(status).orElseThrow(() -> new InvalidRequestException("query -> status",
                "Invalid status: " + status + ". Must be one of: " + ResourceStatus.ONE_OF, "enum")));
    }

    private static int count(List<ResourceStatus> statuses, ResourceStatus wanted) {
        return (int) statuses.stream().filter(s -> s == wanted).count();
    }

    private boolean holdsReservations(UUID resourceId) {
        ResourceReservations answer = reservations.getIfAvailable();
        return answer != null && answer.hasActiveReservations(resourceId);
    }

    private WashBay liveBay(String washBayId) {
        UUID id = Ids.parse(washBayId).orElseThrow(() -> new NotFoundException(WASH_BAY_NOT_FOUND, washBayId));
        return bays.findLive(id).orElseThrow(() -> new NotFoundException(WASH_BAY_NOT_FOUND, washBayId));
    }

    private MobileTeam liveTeam(String teamId) {
        UUID id = Ids.parse(teamId).orElseThrow(() -> new NotFoundException(MOBILE_TEAM_NOT_FOUND, teamId));
        return teams.findLive(id).orElseThrow(() -> new NotFoundException(MOBILE_TEAM_NOT_FOUND, teamId));
    }

    /** FAC-2. */
    private void refuseTakenBayNumber(String number, UUID except) {
        if (bays.numberTaken(number, except == null ? new UUID(0, 0) : except)) {
            throw bayNumberTaken(number);
        }
    }

    private void refuseTakenTeamName(String name, UUID except) {
        if (teams.nameTaken(name, except == null ? new UUID(0, 0) : except)) {
            throw teamNameTaken(name);
        }
    }

    private static ConflictException bayNumberTaken(String number) {
        return new ConflictException("Wash bay '" + number + "' already exists", "bay_number");
    }

    private static ConflictException teamNameTaken(String name) {
        return new ConflictException("Mobile team '" + name + "' already exists", "team_name");
    }
}
