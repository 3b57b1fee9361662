package com.blingauto.scheduling;

import com.blingauto.facilities.FacilitiesApi;
import com.blingauto.facilities.FacilitiesService;
import com.blingauto.facilities.MobileTeamResource;
import com.blingauto.facilities.ResourceStatus;
import com.blingauto.facilities.WashBayResource;
import com.blingauto.scheduling.BusinessCalendar.Break;
import com.blingauto.scheduling.BusinessCalendar.DayHours;
import com.blingauto.scheduling.SchedulingApi.AvailabilityRequest;
import com.blingauto.scheduling.SchedulingApi.AvailabilityResult;
import com.blingauto.scheduling.SchedulingApi.BookSlotRequest;
import com.blingauto.scheduling.SchedulingApi.BreakInput;
import com.blingauto.scheduling.SchedulingApi.BreakView;
import com.blingauto.scheduling.SchedulingApi.BusinessHours;
import com.blingauto.scheduling.SchedulingApi.BusinessHoursRequest;
import com.blingauto.scheduling.SchedulingApi.Closure;
import com.blingauto.scheduling.SchedulingApi.ClosureList;
import com.blingauto.scheduling.SchedulingApi.CreateClosureRequest;
import com.blingauto.scheduling.SchedulingApi.DayHoursInput;
import com.blingauto.scheduling.SchedulingApi.DayView;
import com.blingauto.scheduling.SchedulingApi.Location;
import com.blingauto.scheduling.SchedulingApi.MobileTeamOverview;
import com.blingauto.scheduling.SchedulingApi.ResourceOverview;
import com.blingauto.scheduling.SchedulingApi.SearchCriteria;
import com.blingauto.scheduling.SchedulingApi.SlotHold;
import com.blingauto.scheduling.SchedulingApi.SlotList;
import com.blingauto.scheduling.SchedulingApi.SlotSearchRequest;
import com.blingauto.scheduling.SchedulingApi.WashBayOverview;
import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.ConflictException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.Ids;
import com.blingauto.shared.InvalidRequestException;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.Role;
import com.blingauto.shared.VehicleSize;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spec 07: opening hours, closures, availability, slot search, resources overview and slot holds. */
@Service
public class SchedulingService {

    static final String TOO_SHORT = "Time slot must be at least 30 minutes";
    static final int MIN_SLOT_MINUTES = 30;
    static final int MAX_SEARCH_DAYS = 30;

    private final FacilitiesService facilities;
    private final Reservations reservations;
    private final Calendars calendars;
    private final CalendarStore store;
    private final Allocator allocation;
    private final ObjectProvider<SlotBookings> bookings;
    private final Clock clock;

    SchedulingService(FacilitiesService facilities, Reservations reservations, Calendars calendars, CalendarStore store,
                      Allocator allocation, ObjectProvider<SlotBookings> bookings, Clock clock) {
        this.facilities = facilities;
        this.reservations = reservations;
        this.calendars = calendars;
        this.store = store;
        this.allocation = allocation;
        this.bookings = bookings;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- E1 -----------------------------------------------------------------------------------------------

    /** SCH-15, read-only. */
    @Transactional(readOnly = true)
    public AvailabilityResult checkAvailability(AvailabilityRequest request) {
        Instant requested = Datetimes.instant(request.requestedTime(), "requested_time");
        if (request.serviceType() == ResourceType.MOBILE_TEAM && request.customerLocation() == null) {
            throw new InvalidRequestException("body -> customer_location", "Customer location is required for mobile service", "value_error");
        }
        int minutes = request.durationMinutes();
        requireSlotLength(minutes);
        List<String> equipment = request.requiredEquipment() == null ? List.of() : request.requiredEquipment();
        Double latitude = request.customerLocation() == null ? null : request.customerLocation().latitude().doubleValue();
        Double longitude = request.customerLocation() == null ? null : request.customerLocation().longitude().doubleValue();
        List<Candidate> candidates = candidates(request.serviceType(), request.vehicleSize(), latitude, longitude, equipment);

        Instant now = now();
        Instant end = requested.plus(Duration.ofMinutes(minutes));
        SlotPlanner planner = planner(candidates, requested.minus(Duration.ofDays(1)), requested.plus(Duration.ofDays(3)), now);
        if (!planner.inWindow(requested) || !planner.calendar().within(requested, end)) {
            return AvailabilityResult.unavailable("Requested time violates scheduling constraints",
                    planner.alternatives(requested, minutes, candidates));
        }
        if (candidates.isEmpty()) {
            return AvailabilityResult.unavailable("No suitable resources available", List.of());
        }
        for (Candidate candidate : candidates) {
            if (planner.available(candidate, requested, minutes)) {
                Integer travel = candidate.distanceKm() == null ? null : Geo.travelMinutes(candidate.distanceKm());
                return new AvailabilityResult(true, candidate.id(), candidate.type(), requested, minutes, travel, null, List.of());
            }
        }
        return AvailabilityResult.unavailable("No resources available at requested time", planner.alternatives(requested, minutes, candidates));
    }

    // ---- E2 -----------------------------------------------------------------------------------------------

    /** SCH-14. */
    @Transactional(readOnly = true)
    public SlotList availableSlots(SlotSearchRequest request) {
        Instant from = Datetimes.instantOrDate(request.startDate(), "start_date", calendars.zone(), false);
        Instant to = Datetimes.instantOrDate(request.endDate(), "end_date", calendars.zone(), true);
        if (!to.isAfter(from)) {
            throw new InvalidRequestException("body -> end_date", "End date must be after start date", "value_error");
        }
        if (to.isAfter(from.plus(Duration.ofDays(MAX_SEARCH_DAYS)))) {
            throw new InvalidRequestException("body -> end_date", "Search range cannot exceed 30 days", "value_error");
        }
        int minutes = request.durationMinutes() == null ? 60 : request.durationMinutes();
        requireSlotLength(minutes);
        VehicleSize size = request.vehicleSize() == null ? VehicleSize.STANDARD : request.vehicleSize();
        Double latitude = request.customerLocation() == null ? null : request.customerLocation().latitude().doubleValue();
        Double longitude = request.customerLocation() == null ? null : request.customerLocation().longitude().doubleValue();
        List<Candidate> candidates = candidates(request.serviceType(), size, latitude, longitude, List.of());
        SlotPlanner planner = planner(candidates, from, to, now());
        List<SchedulingApi.Slot> slots = planner.slots(from, to, minutes, candidates).stream()
                .map(s -> new SchedulingApi.Slot(s.resource().id(), s.resource().type(), s.start(), s.end(), minutes,
                        planner.utilization(s.resource(), planner.calendar().dateOf(s.start()))))
                .toList();
        return new SlotList(slots, slots.size(), new SearchCriteria(from, to, request.serviceType(), minutes, size));
    }

    // ---- E3 -----------------------------------------------------------------------------------------------

    /** Every non-deleted resource with its utilization today (SCH-9). */
    @Transactional(readOnly = true)
    public ResourceOverview resources() {
        List<WashBayResource> bays = facilities.washBays();
        List<MobileTeamResource> teams = facilities.mobileTeams();
        Instant now = now();
        LocalDate today = calendars.dateOf(now);
        List<UUID> ids = new ArrayList<>();
        bays.forEach(b -> ids.add(b.id()));
        teams.forEach(t -> ids.add(t.id()));
        BusinessCalendar calendar = calendars.between(today, today);
        Instant dayStart = calendar.startOfDay(today);
        SlotPlanner planner = new SlotPlanner(calendar, reservations.active(ids, dayStart, calendar.startOfDay(today.plusDays(1))), now);
        List<WashBayOverview> bayViews = bays.stream()
                .map(b -> new WashBayOverview(b.id(), b.bayNumber(), b.maxVehicleSize(), b.equipmentTypes(), b.status().wire(),
                        planner.utilization(new Candidate(b.id(), ResourceType.WASH_BAY, b.bayNumber(), 0, null), today)))
                .toList();
        List<MobileTeamOverview> teamViews = teams.stream()
                .map(t -> new MobileTeamOverview(t.id(), t.teamName(), new Location(t.baseLatitude(), t.baseLongitude()),
                        FacilitiesApi.decimal(t.serviceRadiusKm()), t.dailyCapacity(), t.equipmentTypes(), t.status().wire(),
                        planner.utilization(new Candidate(t.id(), ResourceType.MOBILE_TEAM, t.teamName(), t.dailyCapacity(), null), today)))
                .toList();
        return new ResourceOverview(bayViews, teamViews, bayViews.size(), teamViews.size());
    }

    // ---- E4, E5 -------------------------------------------------------------------------------------------

    /** SCH-13, checks in the order of the rule. */
    @Transactional
    public SlotHold bookSlot(CurrentUser caller, BookSlotRequest request) {
        Instant start = Datetimes.instant(request.startTime(), "start_time");
        SlotBooking booking = findBooking(request.bookingId())
                .filter(b -> !caller.is(Role.CLIENT) || b.customerId().equals(caller.id()))
                .orElseThrow(() -> new NotFoundException("Booking not found", request.bookingId()));
        if (!booking.customerId().equals(request.customerId())) {
            throw new DomainValidationException("customer_id does not match the booking", "customer_id");
        }
        Candidate resource;
        boolean active;
        Optional<WashBayResource> bay = facilities.findWashBay(request.resourceId());
        if (bay.isPresent()) {
            resource = new Candidate(bay.get().id(), ResourceType.WASH_BAY, bay.get().bayNumber(), 0, null);
            active = bay.get().active();
        } else {
            MobileTeamResource team = facilities.findMobileTeam(request.resourceId())
                    .orElseThrow(() -> new NotFoundException("Resource not found", request.resourceId()));
            resource = new Candidate(team.id(), ResourceType.MOBILE_TEAM, team.teamName(), team.dailyCapacity(), null);
            active = team.active();
        }
        if (booking.status() == null || !Set.of("pending", "confirmed").contains(booking.status().toLowerCase(java.util.Locale.ROOT))) {
            throw new BusinessRuleViolationException("SCH", 13, "Slots can only be held for pending or confirmed bookings");
        }
        if (!active) {
            throw new BusinessRuleViolationException("SCH", 13, "Resource is not active");
        }
        int minutes = request.durationMinutes();
        requireSlotLength(minutes);
        Instant now = now();
        if (start.isBefore(now.plus(SlotPlanner.MIN_NOTICE))) {
            throw new DomainValidationException("Booking must be scheduled at least 2 hours in advance", "start_time");
        }
        if (start.isAfter(now.plus(SlotPlanner.HORIZON))) {
            throw new DomainValidationException("Cannot schedule more than 90 days in advance", "start_time");
        }
        if (!allocation.withinOpeningHours(start, start.plus(Duration.ofMinutes(minutes)))) {
            throw new BusinessRuleViolationException("SCH", 16, "Requested time is outside business hours");
        }
        Optional<Allocation.Allocated> held = allocation.insertFirstFree(List.of(resource), booking.id(), booking.customerId(),
                caller.id(), start, minutes, now, Reservation.HOLD);
        if (held.isEmpty()) {
            throw new ConflictException("Time slot is not available",
                    Map.of("alternatives", allocation.alternatives(List.of(resource), start, minutes, now)));
        }
        return new SlotHold(true, held.get().reservationId(), start, resource.id(), "Slot booked successfully");
    }

    private Optional<SlotBooking> findBooking(UUID bookingId) {
        return bookings.orderedStream().map(b -> b.find(bookingId)).flatMap(Optional::stream).findFirst();
    }

    @Transactional
    public SchedulingApi.Message releaseSlot(CurrentUser caller, String slotId) {
        Reservation hold = Ids.parse(slotId).flatMap(reservations::activeHold)
                .filter(h -> !caller.is(Role.CLIENT) || h.customerId().equals(caller.id()))
                .orElseThrow(() -> new NotFoundException("Slot not found", slotId));
        reservations.release(hold.id(), now());
        return new SchedulingApi.Message("Slot released successfully");
    }

    // ---- E6, E7 -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public BusinessHours businessHours() {
        Optional<Map<DayOfWeek, DayHours>> configured = store.week();
        return view(configured.orElseGet(BusinessCalendar::defaultWeek), configured.isEmpty());
    }

    /** SCH-2: full replacement; days not listed become closed. */
    @Transactional
    public BusinessHours replaceBusinessHours(BusinessHoursRequest request) {
        Set<Weekday> seen = new HashSet<>();
        for (int i = 0; i < request.days().size(); i++) {
            DayHoursInput day = request.days().get(i);
            if (!seen.add(day.day())) {
                throw new InvalidRequestException("body -> days -> " + i + " -> day", "Duplicate day: " + day.day().wire(), "value_error");
            }
            if (!day.closed() && day.openTime() == null) {
                throw new InvalidRequestException("body -> days -> " + i + " -> open_time", "Field required", "missing");
            }
            if (!day.closed() && day.closeTime() == null) {
                throw new InvalidRequestException("body -> days -> " + i + " -> close_time", "Field required", "missing");
            }
        }
        Map<DayOfWeek, DayHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, DayHours.closedOn(day));
        }
        for (DayHoursInput input : request.days()) {
            DayOfWeek day = input.day().day();
            if (input.closed()) {
                continue;
            }
            if (!input.openTime().isBefore(input.closeTime())) {
                throw new DomainValidationException("Open time must be before close time", "days");
            }
            List<Break> breaks = new ArrayList<>();
            for (BreakInput b : input.breaks() == null ? List.<BreakInput>of() : input.breaks()) {
                if (!b.startTime().isBefore(b.endTime())) {
                    throw new DomainValidationException("Break start time must be before end time", "days");
                }
                if (b.startTime().isBefore(input.openTime()) || b.endTime().isAfter(input.closeTime())) {
                    throw new DomainValidationException("Break periods must be within business hours", "days");
                }
                breaks.add(new Break(b.startTime(), b.endTime()));
            }
            breaks.sort(Comparator.comparing(Break::start));
            for (int i = 1; i < breaks.size(); i++) {
                if (breaks.get(i).start().isBefore(breaks.get(i - 1).end())) {
                    throw new DomainValidationException("Break periods must not overlap", "days");
                }
            }
            week.put(day, DayHours.open(day, input.openTime(), input.closeTime(), breaks));
        }
        store.replaceWeek(week);
        return view(week, false);
    }

    private BusinessHours view(Map<DayOfWeek, DayHours> week, boolean isDefault) {
        List<DayView> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            DayHours hours = week.getOrDefault(day, DayHours.closedOn(day));
            days.add(hours.closed() ? new DayView(Weekday.of(day), true, null, null, List.of())
                    : new DayView(Weekday.of(day), false, Datetimes.time(hours.open()), Datetimes.time(hours.close()),
                    hours.breaks().stream().map(b -> new BreakView(Datetimes.time(b.start()), Datetimes.time(b.end()))).toList()));
        }
        return new BusinessHours(calendars.zone().getId(), isDefault, days);
    }

    // ---- E8–E10 -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ClosureList closures(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new DomainValidationException("from must be on or before to", "from");
        }
        List<Closure> items = store.closures(from, to).stream()
                .map(c -> new Closure(c.id(), c.date(), c.reason(), c.createdBy(), c.createdAt())).toList();
        return new ClosureList(items, items.size());
    }

    /** SCH-3. */
    @Transactional
    public Closure createClosure(CurrentUser caller, CreateClosureRequest request) {
        Instant now = now();
        if (request.date().isBefore(calendars.dateOf(now))) {
            throw new DomainValidationException("Closure date cannot be in the past", "date");
        }
        CalendarStore.ClosureRow row = new CalendarStore.ClosureRow(UUID.randomUUID(), request.date(), request.reason(), caller.id(), now);
        if (!store.insertClosure(row)) {
            throw new ConflictException("A closure already exists for " + request.date(), "date");
        }
        return new Closure(row.id(), row.date(), row.reason(), row.createdBy(), row.createdAt());
    }

    @Transactional
    public void deleteClosure(String closureId) {
        UUID id = Ids.parse(closureId).orElseThrow(() -> new NotFoundException("Closure not found", closureId));
        if (!store.deleteClosure(id)) {
            throw new NotFoundException("Closure not found", closureId);
        }
    }

    // ---- shared steps -------------------------------------------------------------------------------------

    /** SCH-5. */
    private static void requireSlotLength(int minutes) {
        if (minutes < MIN_SLOT_MINUTES) {
            throw new DomainValidationException(TOO_SHORT, "duration_minutes");
        }
    }

    /** SCH-7. */
    private List<Candidate> candidates(ResourceType type, VehicleSize size, Double latitude, Double longitude, List<String> equipment) {
        return type == ResourceType.WASH_BAY
                ? Candidate.washBays(facilities.activeWashBays(), size, equipment)
                : Candidate.mobileTeams(facilities.activeMobileTeams(), latitude, longitude, equipment);
    }

    /** A planner over the calendar and the reservations of the candidates around {@code [from, to]}. */
    private SlotPlanner planner(List<Candidate> candidates, Instant from, Instant to, Instant now) {
        BusinessCalendar calendar = calendars.around(from, to);
        List<Reservation> existing = reservations.active(candidates.stream().map(Candidate::id).toList(),
                calendar.startOfDay(calendar.dateOf(from)).minus(Duration.ofDays(1)),
                calendar.startOfDay(calendar.dateOf(to).plusDays(2)));
        return new SlotPlanner(calendar, existing, now);
    }
}
